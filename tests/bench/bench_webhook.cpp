// SPDX-License-Identifier: GPL-2.0-or-later
// Prints the time from a webhook's arrival to the start of the action it
// triggers; not a test.
//   bench_webhook [--rounds 10]
// Run inside the dev root: packaging/dev/shipyard-dev exec build/bin/bench_webhook
// It makes a world of its own in a temporary directory: one system whose
// upstream is a bare git repository, the robot's clone of it, a file
// tracker, gating.autotests.branches on (no commit statuses) and a GitLab
// webhook secret; no cluster is needed. A `shipyardctl robot --listen`
// runs with an interval of an hour, so that only the webhook explains a
// pass. Each round a developer's clone pushes a new commit to a task
// branch (not timed), then the bench POSTs GitLab's Push Hook for it over
// a socket of its own and times, on its own clock:
//   answered  until the 202 came back
//   action    until the robot printed "<system>: testing <branch> at <commit>",
//             the start of the branch's autotests (what the push triggers)
// The robot's own figure (from the request's arrival to its pass taking
// the wake) is printed beside it. Target: the median of `action` ≤ 1 s;
// the exit status is 0 when it is met, 2 when not, 1 when nothing was
// measured.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <vector>

namespace {

constexpr double targetS = 1.0;
const QByteArray token = "bench-hook-token";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool sh(const QString &command, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        out() << command << ": " << process.readAllStandardError() << '\n';
        out().flush();
        return false;
    }
    return true;
}

QString shOut(const QString &command, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The status code of a POST, sent as a sender would over a connection of its own.
int post(quint16 port, const QByteArray &path, const QList<QByteArray> &headers, const QByteArray &body)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return 0;
    QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &header : headers)
        request += header + "\r\n";
    socket.write(request + "\r\n" + body);
    socket.flush();
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return answer.mid(9, 3).toInt(); // "HTTP/1.1 202 Accepted"
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("rounds"), QStringLiteral("pushes to time (default 10)"), QStringLiteral("N"),
        QStringLiteral("10") });
    parser.process(app);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    QTemporaryDir dir;
    const QString root = dir.path();
    const QString git = QStringLiteral("git -c user.name=Bench -c user.email=bench@example.org");
    if (!sh(QStringLiteral("git init -q -b main seed && cd seed && mkdir src && echo a > src/a && %1 add -A && "
                           "%1 commit -qm initial && cd .. && git clone -q --bare seed upstream/api.git && "
                           "git clone -q upstream/api.git systems/api && git clone -q upstream/api.git dev")
                .arg(git),
            root))
        return 1;
    QFile ecosystem(root + QStringLiteral("/ecosystem.yaml"));
    if (!ecosystem.open(QIODevice::WriteOnly))
        return 1;
    ecosystem.write("apiVersion: shipyard/v1\nname: Webhook Bench\n"
                    "gating:\n  taskKey: \"BENCH-[0-9]+\"\n  autotests:\n    branches: true\n"
                    "    commitStatuses: false\n"
                    "tracker:\n  kind: file\n  file: tasks.yaml\n"
                    "robot:\n  webhooks:\n    gitlab: {secretEnv: BENCH_GITLAB_HOOK}\n"
                    "systems:\n  - name: api\n    template: backend\n    repository: systems/api\n"
                    "    image: bench/api\n    manifests: [deploy/]\n    build: \"true\"\n    test: \"true\"\n"
                    "environments:\n  - name: local\n    kind: local\n    context: none\n    namespace: bench\n");
    ecosystem.close();
    QFile tasks(root + QStringLiteral("/tasks.yaml"));
    if (!tasks.open(QIODevice::WriteOnly))
        return 1;
    QByteArray taskList = "tasks:\n";
    for (int i = 1; i <= rounds; ++i)
        taskList += "  - key: BENCH-" + QByteArray::number(i) + "\n    title: Bench\n    status: In Progress\n";
    tasks.write(taskList);
    tasks.close();

    QProcess robot;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BENCH_GITLAB_HOOK"), QString::fromUtf8(token));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), root + QStringLiteral("/state"));
    robot.setProcessEnvironment(environment);
    robot.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
        { QStringLiteral("robot"), QStringLiteral("--ecosystem"), ecosystem.fileName(), QStringLiteral("--interval"),
            QStringLiteral("3600"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") });
    QString log;
    const auto waitFor = [&](const auto &found, int ms) {
        QElapsedTimer waited;
        waited.start();
        while (!found() && waited.elapsed() < ms) {
            robot.waitForReadyRead(20);
            log += QString::fromUtf8(robot.readAllStandardError());
            robot.readAllStandardOutput();
        }
        return found();
    };
    static const QRegularExpression serving(QStringLiteral("serving .* on 127\\.0\\.0\\.1:(\\d+)"));
    // The first pass, at the start, is done once it says what it did (nothing).
    if (!waitFor([&] { return serving.match(log).hasMatch(); }, 30000)) {
        out() << "the robot did not start:\n" << log;
        return 1;
    }
    const auto port = quint16(serving.match(log).captured(1).toUInt());
    QThread::sleep(std::chrono::seconds(2));

    out() << "webhook → action, " << rounds << " GitLab pushes to task branches, robot --interval 3600\n";
    out() << "round  answered ms  action ms  robot: arrival→pass ms\n";
    std::vector<double> answered, action, internal;
    static const QRegularExpression woken(QStringLiteral("pass woken by \\d+ webhooks?, the first (\\d+) ms ago"));
    for (int i = 1; i <= rounds; ++i) {
        const QString branch = QStringLiteral("feature/BENCH-%1-work").arg(i);
        if (!sh(QStringLiteral("git checkout -q -B %1 origin/main && echo %2 > src/b && %3 add -A && "
                               "%3 commit -qm %2 && git push -q origin %1")
                    .arg(branch)
                    .arg(i)
                    .arg(git),
                root + QStringLiteral("/dev")))
            return 1;
        const QString commit = shOut(QStringLiteral("git rev-parse HEAD"), root + QStringLiteral("/dev"));
        const QByteArray body = QJsonDocument(
            QJsonObject { { QStringLiteral("object_kind"), QStringLiteral("push") },
                { QStringLiteral("ref"), QString(QStringLiteral("refs/heads/") + branch) },
                { QStringLiteral("checkout_sha"), commit }, { QStringLiteral("after"), commit },
                { QStringLiteral("project"),
                    QJsonObject { { QStringLiteral("path_with_namespace"), QStringLiteral("bench/api") } } } })
                                    .toJson(QJsonDocument::Compact);
        const qsizetype logBefore = log.size();
        const qsizetype wokenBefore = log.count(QLatin1String("pass woken by"));
        QElapsedTimer clock;
        clock.start();
        const int status =
            post(port, "/webhooks/gitlab", { "X-Gitlab-Event: Push Hook", "X-Gitlab-Token: " + token }, body);
        const double answeredMs = double(clock.nsecsElapsed()) / 1e6;
        if (status != 202) {
            out() << "round " << i << ": the webhook got " << status << '\n' << log.mid(logBefore);
            return 1;
        }
        const QString testing = QStringLiteral("api: testing %1 at %2").arg(branch, commit.left(7));
        if (!waitFor([&] { return log.indexOf(testing, logBefore) >= 0; }, 30000)) {
            out() << "round " << i << ": no test started:\n" << log.mid(logBefore);
            return 1;
        }
        const double actionMs = double(clock.nsecsElapsed()) / 1e6;
        const QRegularExpressionMatch match = woken.match(log, logBefore);
        const double internalMs = match.hasMatch() ? match.captured(1).toDouble() : -1;
        answered.push_back(answeredMs);
        action.push_back(actionMs);
        internal.push_back(internalMs);
        out() << QStringLiteral("%1  %2  %3  %4\n")
                     .arg(i, 5)
                     .arg(answeredMs, 11, 'f', 1)
                     .arg(actionMs, 9, 'f', 1)
                     .arg(internalMs, 22, 'f', 0);
        out().flush();
        // The pass ends once its tests are done; the next push waits for that.
        waitFor(
            [&] {
                return log.count(QLatin1String("pass woken by")) > wokenBefore &&
                    log.indexOf(QStringLiteral("api %1:").arg(branch), logBefore) >= 0;
            },
            60000);
    }
    robot.terminate();
    robot.waitForFinished(30000);
    if (action.empty())
        return 1;
    const double medianS = median(action) / 1000;
    out() << QStringLiteral("median: answered %1 ms, action %2 ms (max %3 ms), robot arrival→pass %4 ms\n")
                 .arg(median(answered), 0, 'f', 1)
                 .arg(median(action), 0, 'f', 1)
                 .arg(*std::max_element(action.begin(), action.end()), 0, 'f', 1)
                 .arg(median(internal), 0, 'f', 0);
    out() << QStringLiteral("target: median webhook → action ≤ %1 s: %2\n")
                 .arg(targetS)
                 .arg(medianS <= targetS ? QStringLiteral("met") : QStringLiteral("NOT met"));
    return medianS <= targetS ? 0 : 2;
}
