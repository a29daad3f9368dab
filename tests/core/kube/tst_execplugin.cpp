// SPDX-License-Identifier: GPL-2.0-or-later
// Exec credential plugins without a cluster: interactiveMode as client-go
// honours it (what KUBERNETES_EXEC_INFO says, and Always refused without a
// terminal), and a plugin found only on the login shell's PATH, which is the
// case of Shipyard started from a desktop menu.
#include "kube/ExecCredentialPlugin.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

using Mode = KubeExecConfig::InteractiveMode;

// Records what it was given (exec info, PATH) next to itself and answers a token.
const char kPlugin[] = "#!/bin/sh\n"
                       "dir=$(dirname \"$0\")\n"
                       "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$dir/info.json\"\n"
                       "printf '%s' \"$PATH\" > \"$dir/path.txt\"\n"
                       "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"plugin-token\"}}'\n";

bool writeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(file.permissions() | QFile::ExeOwner);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

KubeCluster stubCluster()
{
    KubeCluster cluster;
    cluster.server = QStringLiteral("https://127.0.0.1:1");
    return cluster;
}

} // namespace

class TestExecPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("plugins")));
        m_plugin = m_dir.filePath(QStringLiteral("plugins/shipyard-test-credential"));
        QVERIFY(writeExecutable(m_plugin, kPlugin));
    }

    void cleanup() { QFile::remove(m_dir.filePath(QStringLiteral("plugins/info.json"))); }

    void interactiveMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<bool>("interactive");
        QTest::newRow("Never, no terminal") << int(Mode::Never) << false << true << false;
        QTest::newRow("Never, terminal") << int(Mode::Never) << true << true << false;
        QTest::newRow("IfAvailable, no terminal") << int(Mode::IfAvailable) << false << true << false;
        QTest::newRow("IfAvailable, terminal") << int(Mode::IfAvailable) << true << true << true;
        QTest::newRow("Always, no terminal") << int(Mode::Always) << false << false << false;
        QTest::newRow("Always, terminal") << int(Mode::Always) << true << true << true;
    }

    void interactiveMode()
    {
        QFETCH(int, mode);
        QFETCH(bool, terminal);
        QFETCH(bool, succeeds);
        QFETCH(bool, interactive);
        // ctest's stdin is never a terminal; the override stands in for one.
        ExecCredentialPlugin::setStdinIsInteractive(terminal);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = m_plugin;
        exec.interactiveMode = Mode(mode);
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        ExecCredentialPlugin::setStdinIsInteractive(false);
        if (!succeeds) {
            QCOMPARE(credentials.error,
                QStringLiteral("exec plugin of user \"u\" needs a terminal (interactiveMode: Always) and standard "
                               "input is not one"));
            QVERIFY2(!QFile::exists(m_dir.filePath(QStringLiteral("plugins/info.json"))), "the plugin ran anyway");
            return;
        }
        QVERIFY2(credentials.error.isEmpty(), qPrintable(credentials.error));
        QCOMPARE(credentials.bearerToken, QByteArray("plugin-token"));
        const QJsonObject info =
            QJsonDocument::fromJson(readFile(m_dir.filePath(QStringLiteral("plugins/info.json")))).object();
        QCOMPARE(info[QLatin1String("kind")].toString(), QStringLiteral("ExecCredential"));
        QVERIFY(info[QLatin1String("spec")][QLatin1String("interactive")].isBool());
        QCOMPARE(info[QLatin1String("spec")][QLatin1String("interactive")].toBool(), interactive);
    }

    void v1beta1WithoutModeIsIfAvailable()
    {
        ExecCredentialPlugin::setStdinIsInteractive(false);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
        exec.command = m_plugin;
        // The plugin answers v1; a v1beta1 config must reject that, after running it.
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY(credentials.error.contains(QLatin1String("plugin returned version client.authentication.k8s.io/v1")));
        const QJsonObject info =
            QJsonDocument::fromJson(readFile(m_dir.filePath(QStringLiteral("plugins/info.json")))).object();
        QCOMPARE(info[QLatin1String("spec")][QLatin1String("interactive")].toBool(true), false);
    }

    // What ExecCredentialPlugin does: a command not on PATH is looked up on
    // the PATH that `$SHELL -l -c` prints (computed once per process), and
    // the plugin then runs with that PATH appended to its own.
    void pluginOnlyOnLoginShellPath()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home));
        const QString plugins = QFileInfo(m_plugin).absolutePath();
        // dash as a login shell reads /etc/profile, then ~/.profile.
        QFile profile(home + QStringLiteral("/.profile"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(QStringLiteral("PATH=\"$PATH:%1\"\nexport PATH\n").arg(plugins).toUtf8());
        profile.close();
        qputenv("HOME", home.toLocal8Bit());
        qputenv("SHELL", "/bin/sh");
        // What a desktop menu launch typically gets: no per-user directories.
        qputenv("PATH", "/usr/bin:/bin");
        const QString command = QFileInfo(m_plugin).fileName();
        QVERIFY2(QStandardPaths::findExecutable(command).isEmpty(), "the plugin must not be on PATH for this test");

        QVERIFY(ExecCredentialPlugin::loginShellPath().contains(plugins));
        QStringList searched;
        QCOMPARE(ExecCredentialPlugin::findExecutable(command, &searched), m_plugin);
        QVERIFY(searched.contains(plugins));

        ExecCredentialPlugin::setStdinIsInteractive(false);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = command;
        exec.interactiveMode = Mode::Never;
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY2(credentials.error.isEmpty(), qPrintable(credentials.error));
        QCOMPARE(credentials.bearerToken, QByteArray("plugin-token"));
        const QStringList pluginPath =
            QString::fromLocal8Bit(readFile(m_dir.filePath(QStringLiteral("plugins/path.txt"))))
                .split(QLatin1Char(':'));
        QCOMPARE(pluginPath.mid(0, 2), QStringList({ QStringLiteral("/usr/bin"), QStringLiteral("/bin") }));
        QVERIFY(pluginPath.contains(plugins));

        // Found on neither: the message still says what is missing.
        exec.command = QStringLiteral("shipyard-nowhere-credential");
        exec.installHint = QStringLiteral("Install shipyard-nowhere-credential.");
        const KubeCredentials missing = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY(missing.error.startsWith(QLatin1String("exec: executable shipyard-nowhere-credential not found")));
        QVERIFY(missing.error.endsWith(exec.installHint));
    }

private:
    QTemporaryDir m_dir;
    QString m_plugin;
};

QTEST_GUILESS_MAIN(TestExecPlugin)
#include "tst_execplugin.moc"
