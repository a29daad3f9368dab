// SPDX-License-Identifier: GPL-2.0-or-later
// Each source's webhook verified and read. The bodies and headers follow
// the services' published documentation (GitHub's "Webhook events and
// payloads", GitLab's "Webhook events", the stream events Gerrit's webhooks
// plugin posts, Atlassian's "Webhooks" for Jira), trimmed to the members a
// reader might trip over; signatures are computed here as the services
// compute them, over the raw body.
#include "model/EcosystemLoader.h"
#include "webhooks/GerritWebhook.h"
#include "webhooks/GitHubWebhook.h"
#include "webhooks/GitLabWebhook.h"
#include "webhooks/JiraWebhook.h"
#include "webhooks/TaskMovedWebhook.h"
#include "webhooks/WebhookReceiver.h"
#include "webhooks/WebhookSecret.h"

#include "WebhookPayloads.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Shipyard;
using Verdict = WebhookResult::Verdict;
using namespace Shipyard::WebhookPayloads;

namespace {

const QByteArray secret = "It's a Secret to Everybody";

QByteArray sign(const QByteArray &body, const QByteArray &key = secret)
{
    return "sha256=" + QMessageAuthenticationCode::hash(body, key, QCryptographicHash::Sha256).toHex();
}

WebhookRequest request(const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers, const QString &query = {})
{
    WebhookRequest r;
    r.body = body;
    r.headers = std::move(headers);
    r.query = QUrlQuery(query);
    return r;
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparesInConstantTimeAndExactly()
    {
        QVERIFY(WebhookSecret::equal("abc", "abc"));
        QVERIFY(!WebhookSecret::equal("abc", "abd"));
        QVERIFY(!WebhookSecret::equal("abc", "abcd"));
        QVERIFY(!WebhookSecret::equal("", "a"));
        QVERIFY(WebhookSecret::hmacSha256Matches(sign("x"), "x", secret));
        QVERIFY(WebhookSecret::hmacSha256Matches(sign("x").toUpper().replace("SHA256=", "sha256="), "x", secret));
        QVERIFY(!WebhookSecret::hmacSha256Matches(sign("x"), "x ", secret));
        QVERIFY(!WebhookSecret::hmacSha256Matches(sign("x").mid(7), "x", secret)); // no "sha256="
        QVERIFY(!WebhookSecret::hmacSha256Matches(sign("x", {}), "x", {})); // no secret, nothing verifies
    }

    void githubPushIsVerifiedAndRead()
    {
        const WebhookResult result = GitHubWebhook::read(
            request(githubPush, { { "X-GitHub-Event", "push" }, { "X-Hub-Signature-256", sign(githubPush) } }), secret);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.httpStatus(), 202);
        QCOMPARE(result.event.kind, WebhookEvent::Kind::Push);
        QCOMPARE(result.event.project, QStringLiteral("octo-org/api"));
        QCOMPARE(result.event.branch, QStringLiteral("feature/SHOP-12-login"));
        QCOMPARE(result.event.commit, QStringLiteral("1481a2de7b2a7d02428ad93446ab166be7793fbb"));
        QCOMPARE(result.event.summary(), QStringLiteral("github push octo-org/api feature/SHOP-12-login 1481a2d"));
    }

    void githubRefusals()
    {
        // Headers are matched whatever their case, as HTTP wants.
        const auto github = [](const QByteArray &body, const QByteArray &event, const QByteArray &signature) {
            return GitHubWebhook::read(
                request(body, { { "x-github-event", event }, { "x-hub-signature-256", signature } }), secret);
        };
        QCOMPARE(github(githubPush, "push", sign(githubPush, "guessed")).verdict, Verdict::Unauthorized);
        QCOMPARE(github(githubPush, "push", sign(githubPush + ' ')).verdict, Verdict::Unauthorized);
        QCOMPARE(GitHubWebhook::read(request(githubPush, { { "X-GitHub-Event", "push" } }), secret).verdict,
            Verdict::Unauthorized);
        // Signed, yet not what Shipyard reads.
        QCOMPARE(github("{not json", "push", sign("{not json")).verdict, Verdict::Malformed);
        QCOMPARE(github("{}", "push", sign("{}")).verdict, Verdict::Malformed);
        QCOMPARE(github(githubPush, "issues", sign(githubPush)).verdict, Verdict::Malformed);
        const QByteArray ping = githubPing;
        QCOMPARE(github(ping, "ping", sign(ping)).verdict, Verdict::Ignored);
        QCOMPARE(github(ping, "ping", sign(ping)).httpStatus(), 200);
        QByteArray tag = githubPush;
        tag.replace("refs/heads/feature/SHOP-12-login", "refs/tags/v1.2");
        QCOMPARE(github(tag, "push", sign(tag)).verdict, Verdict::Ignored);
        QByteArray deleted = githubPush;
        deleted.replace("\"deleted\": false", "\"deleted\": true");
        QCOMPARE(github(deleted, "push", sign(deleted)).verdict, Verdict::Ignored);
    }

    void gitlabPushIsVerifiedAndRead()
    {
        const auto gitlab = [](const QByteArray &body, const QByteArray &token, const QByteArray &event = "Push Hook") {
            return GitLabWebhook::read(
                request(body, { { "X-Gitlab-Event", event }, { "X-Gitlab-Token", token } }), secret);
        };
        const WebhookResult result = gitlab(gitlabPush, secret);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.project, QStringLiteral("shop/storefront"));
        QCOMPARE(result.event.branch, QStringLiteral("feature/SHOP-7-cart"));
        QCOMPARE(result.event.commit, QStringLiteral("da1560886d4f094c3e6c9ef40349f7d38b5d27d7"));

        QCOMPARE(gitlab(gitlabPush, secret + "x").verdict, Verdict::Unauthorized);
        QCOMPARE(gitlab(gitlabPush, {}).verdict, Verdict::Unauthorized);
        QCOMPARE(GitLabWebhook::read(request(gitlabPush, { { "X-Gitlab-Event", "Push Hook" } }), secret).verdict,
            Verdict::Unauthorized);
        QCOMPARE(gitlab(gitlabPush, secret, "Merge Request Hook").verdict, Verdict::Malformed);
        QCOMPARE(gitlab("[]", secret).verdict, Verdict::Malformed);
        QByteArray noProject = gitlabPush;
        noProject.replace("path_with_namespace", "path");
        QCOMPARE(gitlab(noProject, secret).verdict, Verdict::Malformed);
        // GitLab's push deleting a branch: checkout_sha null.
        QByteArray deleted = gitlabPush;
        deleted.replace("\"checkout_sha\": \"da1560886d4f094c3e6c9ef40349f7d38b5d27d7\"", "\"checkout_sha\": null");
        QCOMPARE(gitlab(deleted, secret).verdict, Verdict::Ignored);
    }

    void gerritEventsAreVerifiedByTheUrlsToken()
    {
        const auto gerrit = [](const QByteArray &body, const QString &query) {
            return GerritWebhook::read(request(body, { { "Content-Type", "application/json" } }, query), secret);
        };
        const QString token = QStringLiteral("token=") + QString::fromUtf8(QUrl::toPercentEncoding(secret));
        WebhookResult result = gerrit(gerritPatchSet, token);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.kind, WebhookEvent::Kind::Review);
        QCOMPARE(result.event.project, QStringLiteral("catalog"));
        QCOMPARE(result.event.branch, QStringLiteral("main"));
        QCOMPARE(result.event.commit, QStringLiteral("b5a2c6a8e4f1d0c9b8a7f6e5d4c3b2a1f0e9d8c7"));

        result = gerrit(gerritRefUpdated, token);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.kind, WebhookEvent::Kind::Push);
        QCOMPARE(result.event.branch, QStringLiteral("feature/SHOP-3-search"));
        QCOMPARE(result.event.commit, QStringLiteral("c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0"));

        QByteArray merged = gerritPatchSet;
        merged.replace("patchset-created", "change-merged");
        merged.replace("\"type\"", "\"newRev\": \"aaaabbbbccccddddeeeeffff0000111122223333\", \"type\"");
        result = gerrit(merged, token);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.commit, QStringLiteral("aaaabbbbccccddddeeeeffff0000111122223333"));

        QCOMPARE(gerrit(gerritPatchSet, {}).verdict, Verdict::Unauthorized);
        QCOMPARE(gerrit(gerritPatchSet, QStringLiteral("token=wrong")).verdict, Verdict::Unauthorized);
        QByteArray comment = gerritPatchSet;
        comment.replace("patchset-created", "comment-added");
        QCOMPARE(gerrit(comment, token).verdict, Verdict::Malformed);
        QByteArray changeRef = gerritRefUpdated;
        changeRef.replace("refs/heads/feature/SHOP-3-search", "refs/changes/34/1234/meta");
        QCOMPARE(gerrit(changeRef, token).verdict, Verdict::Ignored);
        QByteArray deleted = gerritRefUpdated;
        deleted.replace("c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0c7d8e9f0", "0000000000000000000000000000000000000000");
        QCOMPARE(gerrit(deleted, token).verdict, Verdict::Ignored);
        QCOMPARE(gerrit(gerritWithoutRefUpdate, token).verdict, Verdict::Malformed);
    }

    void jiraStatusChangeIsRead()
    {
        // Signed, as Jira Cloud signs a webhook an admin registered with a secret.
        WebhookResult result =
            JiraWebhook::read(request(jiraStatusChange, { { "X-Hub-Signature", sign(jiraStatusChange) } }), secret);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.kind, WebhookEvent::Kind::TaskMoved);
        QCOMPARE(result.event.task, QStringLiteral("SHOP-12"));
        QCOMPARE(result.event.status, QStringLiteral("Awaiting Showroom"));

        // Unsigned, with the token in the url (Jira Data Center).
        const QString token = QStringLiteral("token=") + QString::fromUtf8(QUrl::toPercentEncoding(secret));
        QCOMPARE(JiraWebhook::read(request(jiraStatusChange, {}, token), secret).verdict, Verdict::Accepted);
        QCOMPARE(JiraWebhook::read(request(jiraStatusChange, {}), secret).verdict, Verdict::Unauthorized);
        QCOMPARE(JiraWebhook::read(request(jiraStatusChange, {}, QStringLiteral("token=nope")), secret).verdict,
            Verdict::Unauthorized);
        // A wrong signature is refused even beside the right token.
        QCOMPARE(
            JiraWebhook::read(
                request(jiraStatusChange, { { "X-Hub-Signature", sign(jiraStatusChange, "guess") } }, token), secret)
                .verdict,
            Verdict::Unauthorized);

        QByteArray assigned = jiraStatusChange;
        assigned.replace("\"field\": \"status\"", "\"field\": \"labels\"");
        QCOMPARE(JiraWebhook::read(request(assigned, {}, token), secret).verdict, Verdict::Ignored);
        QByteArray created = jiraStatusChange;
        created.replace("jira:issue_updated", "jira:issue_created");
        QCOMPARE(JiraWebhook::read(request(created, {}, token), secret).verdict, Verdict::Ignored);
        QByteArray comment = jiraStatusChange;
        comment.replace("jira:issue_updated", "comment_created");
        QCOMPARE(JiraWebhook::read(request(comment, {}, token), secret).verdict, Verdict::Malformed);
        QByteArray keyless = jiraStatusChange;
        keyless.replace("\"key\"", "\"name\"");
        QCOMPARE(JiraWebhook::read(request(keyless, {}, token), secret).verdict, Verdict::Malformed);
    }

    void taskMovedWantsTheBearerToken()
    {
        const QByteArray body = taskMoved;
        WebhookResult result =
            TaskMovedWebhook::read(request(body, { { "Authorization", "Bearer " + secret } }), secret);
        QCOMPARE(result.verdict, Verdict::Accepted);
        QCOMPARE(result.event.task, QStringLiteral("SHOP-12"));
        QCOMPARE(result.event.status, QStringLiteral("Awaiting Showroom"));
        QCOMPARE(TaskMovedWebhook::read(request(body, { { "Authorization", "Bearer nope" } }), secret).verdict,
            Verdict::Unauthorized);
        QCOMPARE(TaskMovedWebhook::read(request(body, { { "Authorization", "Basic " + secret.toBase64() } }), secret)
                     .verdict,
            Verdict::Unauthorized);
        QCOMPARE(
            TaskMovedWebhook::read(request(taskMovedWithoutStatus, { { "Authorization", "Bearer " + secret } }), secret)
                .verdict,
            Verdict::Malformed);
        QCOMPARE(
            TaskMovedWebhook::read(request(taskMovedNumericTask, { { "Authorization", "Bearer " + secret } }), secret)
                .verdict,
            Verdict::Malformed);
    }

    void receiverCapsAndRoutes()
    {
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(hooksEcosystem, QStringLiteral("hooks.yaml"));
        QVERIFY2(loaded.ecosystem, qPrintable(loaded.diagnostics.value(0).toString()));
        QCOMPARE(loaded.ecosystem->robot.webhooks.maxBodyBytes, 2048);
        // Webhook secrets are masked like every other secret of the ecosystem.
        QVERIFY(loaded.ecosystem->secretVariables().contains(QStringLiteral("SY_TEST_GITLAB_HOOK")));

        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SY_TEST_GITLAB_HOOK"), QString::fromUtf8(secret));
        WebhookReceiver receiver;
        const QStringList problems = receiver.configure(loaded.ecosystem->robot.webhooks, environment);
        QCOMPARE(problems.size(), 1); // the tasks variable is unset
        QVERIFY(problems.first().contains(QLatin1String("SY_TEST_TASKS_HOOK")));
        QCOMPARE(receiver.configuredSources(), QStringList { QStringLiteral("gitlab") });

        const WebhookRequest push =
            request(gitlabPush, { { "X-Gitlab-Event", "Push Hook" }, { "X-Gitlab-Token", secret } });
        QCOMPARE(receiver.receive(QStringLiteral("gitlab"), push).verdict, Verdict::Accepted);
        // No secret, no webhooks: not even a well-signed GitHub one.
        const WebhookRequest github =
            request(githubPush, { { "X-GitHub-Event", "push" }, { "X-Hub-Signature-256", sign(githubPush) } });
        QCOMPARE(receiver.receive(QStringLiteral("github"), github).httpStatus(), 404);
        QCOMPARE(receiver.receive(QStringLiteral("tasks"), push).httpStatus(), 404);
        QCOMPARE(receiver.receive(QStringLiteral("bitbucket"), push).httpStatus(), 404);
        // Over the cap: refused before anything else is looked at.
        WebhookRequest large = push;
        large.body = gitlabPush + QByteArray(2048, ' ');
        const WebhookResult tooLarge = receiver.receive(QStringLiteral("gitlab"), large);
        QCOMPARE(tooLarge.httpStatus(), 413);
        QVERIFY(!tooLarge.reason.contains(QString::fromUtf8(secret)));
    }

    void secretsAreNeverWrittenInTheFile()
    {
        const EcosystemLoadResult loaded =
            EcosystemLoader().loadData(inlineSecretEcosystem, QStringLiteral("hooks.yaml"));
        QVERIFY(!loaded.ecosystem);
        bool named = false;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            named = named || diagnostic.toString().contains(QLatin1String("secretEnv"));
        QVERIFY(named);
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
