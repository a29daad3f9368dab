// SPDX-License-Identifier: GPL-2.0-or-later
// The bodies tst_webhooks sends, as the services document them (a header of
// their own: moc does not read raw string literals).
#pragma once

#include <QByteArray>

namespace Shipyard::WebhookPayloads {

inline const QByteArray githubPush = R"({
  "ref": "refs/heads/feature/SHOP-12-login",
  "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
  "after": "1481a2de7b2a7d02428ad93446ab166be7793fbb",
  "created": false, "deleted": false, "forced": false,
  "repository": {"id": 186853002, "name": "api", "full_name": "octo-org/api", "private": true},
  "pusher": {"name": "octocat", "email": "octocat@github.com"},
  "commits": [{"id": "1481a2de7b2a7d02428ad93446ab166be7793fbb", "message": "Log in"}],
  "head_commit": {"id": "1481a2de7b2a7d02428ad93446ab166be7793fbb"}
})";

inline const QByteArray gitlabPush = R"({
  "object_kind": "push", "event_name": "push",
  "before": "95790bf891e76fee5e1747ab589903a6a1f80f22",
  "after": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
  "ref": "refs/heads/feature/SHOP-7-cart", "ref_protected": false,
  "checkout_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
  "user_id": 4, "user_name": "John Smith", "project_id": 15,
  "project": {"id": 15, "name": "storefront", "path_with_namespace": "shop/storefront", "default_branch": "main"},
  "commits": [], "total_commits_count": 4
})";

inline const QByteArray gerritPatchSet = R"({
  "uploader": {"name": "Jane", "email": "jane@example.org", "username": "jane"},
  "patchSet": {"number": 2, "revision": "b5a2c6a8e4f1d0c9b8a7f6e5d4c3b2a1f0e9d8c7", "parents": ["4e2b1c0a"],
               "ref": "refs/changes/34/1234/2", "uploader": {"name": "Jane"}, "kind": "REWORK"},
  "change": {"project": "catalog", "branch": "main", "topic": "feature/SHOP-3-search",
             "id": "I0123456789abcdef0123456789abcdef01234567", "number": 1234, "subject": "Search",
             "owner": {"name": "Jane"}, "url": "https://review.example.org/c/catalog/+/1234", "status": "NEW"},
  "project": "catalog", "refName": "refs/heads/main",
  "changeKey": {"id": "I0123456789abcdef0123456789abcdef01234567"},
  "type": "patchset-created", "eventCreatedOn": 1701700000
})";

inline const QByteArray gerritRefUpdated = R"({
  "submitter": {"name": "Jane"},
  "refUpdate": {"oldRev": "4e2b1c0a4e2b1c0a4e2b1c0a4e2b1c0a4e2b1c0a", "newRev": "c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0",
                "refName": "refs/heads/feature/SHOP-3-search", "project": "catalog"},
  "type": "ref-updated", "eventCreatedOn": 1701700001
})";

inline const QByteArray jiraStatusChange = R"({
  "timestamp": 1701700000000, "webhookEvent": "jira:issue_updated", "issue_event_type_name": "issue_generic",
  "user": {"accountId": "5b10a2844c20165700ede21g", "displayName": "Jane"},
  "issue": {"id": "10002", "self": "https://shop.atlassian.net/rest/api/2/10002", "key": "SHOP-12",
            "fields": {"summary": "Log in", "status": {"name": "Awaiting Showroom", "id": "10001"}}},
  "changelog": {"id": "10102", "items": [
    {"field": "assignee", "fieldtype": "jira", "from": null, "fromString": null, "to": "jane", "toString": "Jane"},
    {"field": "status", "fieldtype": "jira", "fieldId": "status", "from": "3", "fromString": "In Progress",
     "to": "10001", "toString": "Awaiting Showroom"}]}
})";

inline const QByteArray githubPing = R"({"zen": "Keep it logically awesome.", "hook_id": 30})";

inline const QByteArray gerritWithoutRefUpdate = R"({"type": "ref-updated"})";

inline const QByteArray taskMoved = R"({"task": "SHOP-12", "status": "Awaiting Showroom"})";

inline const QByteArray taskMovedWithoutStatus = R"({"task": "SHOP-12"})";

inline const QByteArray taskMovedNumericTask = R"({"task": 12, "status": "x"})";

inline const QByteArray hooksEcosystem = R"(apiVersion: shipyard/v1
name: Hooks
robot:
  webhooks:
    maxBodyBytes: 2048
    gitlab: {secretEnv: SY_TEST_GITLAB_HOOK}
    tasks: {secretEnv: SY_TEST_TASKS_HOOK}
systems: []
environments: []
)";

inline const QByteArray inlineSecretEcosystem = R"(apiVersion: shipyard/v1
name: Hooks
robot:
  webhooks:
    github: {secret: hunter2}
systems: []
environments: []
)";

} // namespace Shipyard::WebhookPayloads
