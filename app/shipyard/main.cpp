// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ClusterView.h"
#include "delivery/PipelineView.h"
#include "kube/ExecCredentialPlugin.h"
#include "shell/MainWindow.h"
#include "shell/RecentEcosystems.h"
#include "shell/WindowScreenshot.h"
#include "support/TranslationLoader.h"
#include "widgets/ColorScheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

bool wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

// --help and --version only print: they must work without a display (over
// ssh, in a terminal of a machine without X), where a QApplication aborts.
bool wantsOnlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : { "--help", "-h", "--help-all", "--version", "-v" }) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // A screenshot needs no display: render off screen when there is none.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    const bool textOnly = wantsOnlyText(argc, argv);
    const std::unique_ptr<QCoreApplication> application(
        textOnly ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("shipyard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Shipyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIPYARD_VERSION));
    if (!textOnly) {
        QApplication::setApplicationDisplayName(QStringLiteral("Shipyard"));
        QApplication::setDesktopFileName(QStringLiteral("dev.shipyard.Shipyard"));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/shipyard/icons/shipyard.svg")));
    }

    QTranslator translator;
    if (Shipyard::loadTranslation(translator))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Delivering microservices to Kubernetes"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption ecosystemOption(QStringLiteral("ecosystem"),
        QApplication::translate("main", "Open this ecosystem file."), QStringLiteral("PATH"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window into a PNG file and exit."), QStringLiteral("FILE"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
        QApplication::translate("main", "The view to show: %1.")
            .arg(Shipyard::MainWindow::viewNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption colorSchemeOption(QStringLiteral("color-scheme"),
        QApplication::translate("main", "light, dark or system (the default)."), QStringLiteral("SCHEME"),
        QStringLiteral("system"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
        QApplication::translate("main", "Read only this kubeconfig file (default: the files kubectl reads)."),
        QStringLiteral("FILE"));
    const QCommandLineOption environmentOption(QStringLiteral("environment"),
        QApplication::translate("main", "The environment the Pipeline view shows."), QStringLiteral("NAME"));
    const QCommandLineOption systemLogOption(QStringLiteral("system-log"),
        QApplication::translate("main", "Open the Cluster view on the System log of this deployment."),
        QStringLiteral("CONTEXT/NAMESPACE/DEPLOYMENT"));
    parser.addOptions({ ecosystemOption, kubeconfigOption, screenshotOption, viewOption, environmentOption,
        colorSchemeOption, systemLogOption });
    parser.process(app);

    Shipyard::ColorScheme::Scheme scheme;
    if (!Shipyard::ColorScheme::parse(parser.value(colorSchemeOption), &scheme)) {
        std::fprintf(stderr, "shipyard: unknown color scheme '%s'; use light, dark or system\n",
            qPrintable(parser.value(colorSchemeOption)));
        return 2;
    }
    Shipyard::ColorScheme::apply(scheme);

    // A screenshot shows the window as a first start does, whatever this
    // user's settings hold, so that screenshots are alike on every machine.
    const bool screenshot = parser.isSet(screenshotOption);
    QTemporaryDir screenshotSettings;
    if (screenshot)
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());
    const QString kubeconfig = parser.value(kubeconfigOption);
    if (!kubeconfig.isEmpty() && !QFileInfo::exists(kubeconfig)) {
        std::fprintf(stderr, "shipyard: %s: no such file\n", qPrintable(kubeconfig));
        return 2;
    }
    // The window reads no terminal, even one it was started from: a
    // credential plugin asking there would wait for an answer nobody sees.
    Shipyard::ExecCredentialPlugin::setStdinIsInteractive(false,
        QApplication::translate("main",
            "the Shipyard window has no terminal to ask in: log in with kubectl in a terminal first (if the "
            "plugin keeps its login), or use shipyardctl there"));
    Shipyard::MainWindow window(kubeconfig);
    if (screenshot)
        window.resize(1400, 900);

    QString ecosystem = parser.value(ecosystemOption);
    if (ecosystem.isEmpty() && !screenshot) {
        const QStringList recent = Shipyard::RecentEcosystems().files();
        if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
            ecosystem = recent.first();
    }
    if (!ecosystem.isEmpty()) {
        if (!QFileInfo::exists(ecosystem)) {
            std::fprintf(stderr, "shipyard: %s: no such file\n", qPrintable(ecosystem));
            return 2;
        }
        window.openEcosystem(ecosystem);
    }
    if (parser.isSet(environmentOption) && !window.pipelineView()->setEnvironment(parser.value(environmentOption))) {
        std::fprintf(stderr, "shipyard: the ecosystem has no environment named '%s'\n",
            qPrintable(parser.value(environmentOption)));
        return 2;
    }
    if (parser.isSet(viewOption) && !window.showView(parser.value(viewOption))) {
        std::fprintf(stderr, "shipyard: unknown view '%s'; the views are: %s\n", qPrintable(parser.value(viewOption)),
            qPrintable(Shipyard::MainWindow::viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    if (parser.isSet(systemLogOption)) {
        const QStringList place = parser.value(systemLogOption).split(QLatin1Char('/'));
        if (place.size() != 3 || place.contains(QString())) {
            std::fprintf(stderr, "shipyard: --system-log wants CONTEXT/NAMESPACE/DEPLOYMENT\n");
            return 2;
        }
        window.showView(QStringLiteral("cluster"));
        // The tree fills as the cluster answers; the deployment's row comes with it.
        QDeadlineTimer deadline(15000);
        while (!window.clusterView()->showSystemLog(place[0], place[1], place[2]) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (deadline.hasExpired()) {
            std::fprintf(stderr, "shipyard: no deployment %s in the Cluster view\n", qPrintable(place.join(u'/')));
            return 2;
        }
    }
    if (screenshot) {
        window.waitForLiveState(10000);
        const QString error = Shipyard::WindowScreenshot::save(&window, parser.value(screenshotOption));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "shipyard: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}
