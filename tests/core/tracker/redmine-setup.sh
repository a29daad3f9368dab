#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture "redmine": a real Redmine on 127.0.0.1 with its own sqlite
# database in a fresh temporary directory (concurrent runs never share one),
# REST enabled, the delivery statuses, a private project whose workflow allows
# the delivery transitions, its issues, and an outsider without access; a
# second project (another team's) with an issue in a delivery status and more
# than a page of resolved issues, for the listings.
# Writes STATE_DIR/redmine.env for the tests and the cleanup script.
#
# usage: redmine-setup.sh STATE_DIR
set -euo pipefail

STATE_DIR=$1
REDMINE=/usr/share/redmine
mkdir -p "$STATE_DIR"
# A previous run that was killed may have left its server behind.
[[ -f "$STATE_DIR/redmine.env" ]] && "$(dirname "$0")/redmine-cleanup.sh" "$STATE_DIR" || true

if [[ ! -d "$REDMINE" ]]; then
    echo "redmine-setup: Redmine is not installed ($REDMINE); install the redmine and redmine-sqlite packages" >&2
    exit 1
fi

WORK=$(mktemp -d /tmp/shipyard-redmine.XXXXXX)
INSTANCE="shipyard-test-${WORK##*.}"
echo "WORK=$WORK" > "$STATE_DIR/redmine.env"
echo "INSTANCE=$INSTANCE" >> "$STATE_DIR/redmine.env"

mkdir -p "$WORK"/{config,log,tmp/cache,files,plugins,public}
cat > "$WORK/config/database.yml" <<YAML
production:
  adapter: sqlite3
  database: $WORK/redmine.sqlite3
  timeout: 10000
YAML
python3 -c 'import secrets; print(secrets.token_hex(32))' > "$WORK/config/secret_key.txt"
# Redmine's multi-tenancy (Debian) serves an instance from instances/NAME.
ln -s "$WORK" "$REDMINE/instances/$INSTANCE"

export RAILS_ENV=production REDMINE_INSTANCE=$INSTANCE REDMINE_LANG=en
cd "$REDMINE"
bundle exec rake db:migrate > "$WORK/log/setup.log" 2>&1
bundle exec rake redmine:load_default_data >> "$WORK/log/setup.log" 2>&1

bundle exec rails runner - > "$WORK/keys.txt" 2>> "$WORK/log/setup.log" <<'RUBY'
Setting.rest_api_enabled = '1'
admin = User.find_by_login('admin')
delivery = ['Awaiting Autotests', 'Awaiting Showroom', 'Awaiting Delivery', 'In QA', 'For Delivery']
delivery.each { |name| IssueStatus.find_or_create_by!(name: name) }
feature = Tracker.find_by_name('Feature')
project = Project.new(name: 'Shipyard', identifier: 'shipyard', is_public: false)
project.trackers = Tracker.all.to_a
project.enabled_module_names = ['issue_tracking']
project.save!
# Every open status may go to every other one and to Closed; nothing that
# starts in a delivery status may go to Rejected (the refusal the tests need).
open = IssueStatus.where(name: ['New', 'In Progress', 'Feedback', 'Resolved'] + delivery).to_a
targets = open + IssueStatus.where(name: ['Closed']).to_a
Role.where(builtin: 0).each do |role|
  Tracker.all.each do |tracker|
    open.each do |from|
      targets.each do |to|
        next if from == to
        WorkflowTransition.find_or_create_by!(role: role, tracker: tracker, old_status: from, new_status: to)
      end
    end
  end
end
priority = IssuePriority.default || IssuePriority.first
make = lambda do |subject, status, in_project = project|
  issue = Issue.new(project: in_project, tracker: feature, subject: subject, author: admin, priority: priority)
  issue.status = IssueStatus.find_by_name(status)
  issue.assigned_to = admin
  issue.save!
  issue.id
end
first = make.call('Login page with ünïcödé', 'In Progress')
second = make.call('Checkout flow', 'Awaiting Delivery')
second_delivery = make.call('Cart badge', 'Awaiting Delivery')
feedback = make.call('Search page', 'Feedback')
robot = make.call('Robot moves this one', 'Awaiting Autotests')
warehouse = Project.new(name: 'Warehouse', identifier: 'warehouse', is_public: false)
warehouse.trackers = Tracker.all.to_a
warehouse.enabled_module_names = ['issue_tracking']
warehouse.save!
foreign_delivery = make.call('Stock sync', 'Awaiting Delivery', warehouse)
# 120: two pages of Redmine's 100 at most per request.
Issue.transaction { 120.times { |i| make.call("Resolved #{i}", 'Resolved', warehouse) } }
outsider = User.new(firstname: 'Out', lastname: 'Sider', mail: 'outsider@example.org')
outsider.login = 'outsider'
outsider.password = 'outsider-password-1'
outsider.password_confirmation = 'outsider-password-1'
outsider.save!
puts "API_KEY=#{admin.api_key}"
puts "OUTSIDER_KEY=#{outsider.api_key}"
puts "ISSUE=#{first}"
puts "DELIVERY_ISSUE=#{second}"
puts "SECOND_DELIVERY_ISSUE=#{second_delivery}"
puts "FEEDBACK_ISSUE=#{feedback}"
puts "ROBOT_ISSUE=#{robot}"
puts "FOREIGN_DELIVERY_ISSUE=#{foreign_delivery}"
RUBY
cat "$WORK/keys.txt" >> "$STATE_DIR/redmine.env"
# shellcheck disable=SC1091
source "$WORK/keys.txt"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# Detached from ctest's pipes, or ctest would wait for the server to end.
setsid bundle exec rails server -b 127.0.0.1 -p "$PORT" -P "$WORK/server.pid" \
    < /dev/null > "$WORK/log/server.log" 2>&1 &
echo "PID=$!" >> "$STATE_DIR/redmine.env"
echo "URL=$URL" >> "$STATE_DIR/redmine.env"

for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null -H "X-Redmine-API-Key: $API_KEY" "$URL/issue_statuses.json" 2>/dev/null; then
        echo "redmine-setup: Redmine answers at $URL"
        exit 0
    fi
    sleep 0.5
done
echo "redmine-setup: Redmine did not answer at $URL within 60 s; log:" >&2
tail -20 "$WORK/log/server.log" >&2
exit 1
