// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/Kubeconfig.h"

#include "kube/InClusterConfig.h"
#include "support/YamlMappingReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Shipyard {

namespace {

QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.Scalar()), yamlToJson(entry.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(yamlToJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
            return text; // quoted
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok)
            return number;
        return text;
    }
    default:
        return QJsonValue::Null;
    }
}

QString resolvePath(const QDir &base, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(base.absoluteFilePath(path));
}

// Base64 fields are []byte in client-go: invalid base64 fails the whole file.
QByteArray base64Field(YamlMappingReader &reader, const char *key, DiagnosticSink &sink)
{
    const auto text = reader.string(key);
    if (!text)
        return {};
    auto decoded = QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        sink.error(reader.valueLocation(key),
            QStringLiteral("%1: field '%2' is not valid base64").arg(reader.what(), QLatin1String(key)));
        return {};
    }
    return *decoded;
}

KubeCluster readCluster(const YAML::Node &node, const QString &name, const QDir &base, DiagnosticSink &sink)
{
    KubeCluster cluster;
    cluster.name = name;
    if (!node.IsDefined() || node.IsNull())
        return cluster;
    YamlMappingReader reader(node, QStringLiteral("cluster '%1'").arg(name), sink);
    cluster.server = reader.string("server").value_or(QString());
    cluster.certificateAuthority = resolvePath(base, reader.string("certificate-authority").value_or(QString()));
    cluster.certificateAuthorityData = base64Field(reader, "certificate-authority-data", sink);
    cluster.insecureSkipTlsVerify = reader.boolean("insecure-skip-tls-verify").value_or(false);
    if (cluster.insecureSkipTlsVerify)
        cluster.insecureSkipTlsVerifyLocation = reader.valueLocation("insecure-skip-tls-verify");
    cluster.tlsServerName = reader.string("tls-server-name").value_or(QString());
    cluster.proxyUrl = reader.string("proxy-url").value_or(QString());
    cluster.disableCompression = reader.boolean("disable-compression").value_or(false);
    const YAML::Node extensions = reader.sequence("extensions");
    if (extensions.IsDefined()) {
        for (const YAML::Node &extension : extensions) {
            if (extension.IsMap() && extension["name"].IsScalar() &&
                extension["name"].Scalar() == "client.authentication.k8s.io/exec")
                cluster.execExtension = yamlToJson(extension["extension"]);
        }
    }
    return cluster;
}

std::optional<KubeExecConfig> readExec(
    const YAML::Node &node, const QString &what, const QDir &base, DiagnosticSink &sink)
{
    YamlMappingReader reader(node, what, sink);
    KubeExecConfig exec;
    exec.apiVersion = reader.string("apiVersion").value_or(QString());
    exec.command = reader.string("command").value_or(QString());
    // client-go resolves only commands that hold a path separator; bare names go through PATH.
    if (exec.command.contains(QLatin1Char('/')))
        exec.command = resolvePath(base, exec.command);
    exec.args = reader.stringList("args").value_or(QStringList());
    const YAML::Node env = reader.sequence("env");
    if (env.IsDefined()) {
        for (const YAML::Node &entry : env) {
            if (!entry.IsMap()) {
                sink.error(toLocation(entry.Mark()), QStringLiteral("%1: env entries must be mappings").arg(what));
                continue;
            }
            YamlMappingReader variable(entry, what + QStringLiteral(" env"), sink);
            exec.env.append(
                { variable.string("name").value_or(QString()), variable.string("value").value_or(QString()) });
        }
    }
    exec.installHint = reader.string("installHint").value_or(QString());
    exec.provideClusterInfo = reader.boolean("provideClusterInfo").value_or(false);
    if (const auto mode = reader.string("interactiveMode")) {
        if (*mode == QLatin1String("Never"))
            exec.interactiveMode = KubeExecConfig::InteractiveMode::Never;
        else if (*mode == QLatin1String("IfAvailable"))
            exec.interactiveMode = KubeExecConfig::InteractiveMode::IfAvailable;
        else if (*mode == QLatin1String("Always"))
            exec.interactiveMode = KubeExecConfig::InteractiveMode::Always;
        // Anything else is refused when the plugin is about to run, as client-go does.
    }
    return exec;
}

KubeUser readUser(const YAML::Node &node, const QString &name, const QDir &base, DiagnosticSink &sink)
{
    KubeUser user;
    user.name = name;
    if (!node.IsDefined() || node.IsNull())
        return user;
    YamlMappingReader reader(node, QStringLiteral("user '%1'").arg(name), sink);
    user.clientCertificate = resolvePath(base, reader.string("client-certificate").value_or(QString()));
    user.clientCertificateData = base64Field(reader, "client-certificate-data", sink);
    user.clientKey = resolvePath(base, reader.string("client-key").value_or(QString()));
    user.clientKeyData = base64Field(reader, "client-key-data", sink);
    user.token = reader.string("token").value_or(QString());
    user.tokenFile = resolvePath(base, reader.string("tokenFile").value_or(QString()));
    user.username = reader.string("username").value_or(QString());
    user.password = reader.string("password").value_or(QString());
    const YAML::Node exec = reader.mapping("exec");
    if (exec.IsDefined())
        user.exec = readExec(exec, QStringLiteral("user '%1' exec").arg(name), base, sink);
    return user;
}

KubeContext readContext(const YAML::Node &node, const QString &name, DiagnosticSink &sink)
{
    KubeContext context;
    context.name = name;
    if (!node.IsDefined() || node.IsNull())
        return context;
    YamlMappingReader reader(node, QStringLiteral("context '%1'").arg(name), sink);
    context.cluster = reader.string("cluster").value_or(QString());
    context.user = reader.string("user").value_or(QString());
    context.ns = reader.string("namespace").value_or(QString());
    return context;
}

// Reads one named list ("clusters", "users", "contexts") of one file; a name
// defined twice in the same file is an error, as client-go's conversion says.
template<typename Entry, typename Read>
void readNamedList(const YAML::Node &root, const char *listKey, const char *entryKey, const QString &file,
    QHash<QString, Entry> &merged, DiagnosticSink &sink, Read read)
{
    const YAML::Node list = root[listKey];
    if (!list.IsDefined() || list.IsNull())
        return;
    if (!list.IsSequence()) {
        sink.error(toLocation(list.Mark()), QStringLiteral("'%1' must be a list").arg(QLatin1String(listKey)));
        return;
    }
    QSet<QString> seen;
    for (const YAML::Node &item : list) {
        if (!item.IsMap()) {
            sink.error(toLocation(item.Mark()),
                QStringLiteral("the items of '%1' must be mappings").arg(QLatin1String(listKey)));
            continue;
        }
        YamlMappingReader reader(item, QStringLiteral("an item of '%1'").arg(QLatin1String(listKey)), sink);
        const QString name = reader.string("name").value_or(QString());
        if (seen.contains(name)) {
            sink.error(
                reader.location(), QStringLiteral("duplicate name \"%1\" in '%2'").arg(name, QLatin1String(listKey)));
            continue;
        }
        seen.insert(name);
        Entry entry = read(reader.mapping(entryKey), name);
        entry.locationOfOrigin = file;
        // The first file to define a name wins it whole.
        if (!merged.contains(name))
            merged.insert(name, std::move(entry));
    }
}

} // namespace

QStringList Kubeconfig::filesToLoad(const QString &explicitFile)
{
    if (!explicitFile.isEmpty())
        return { explicitFile };
    const QByteArray env = qgetenv("KUBECONFIG");
    if (env.isEmpty())
        return { QDir::homePath() + QStringLiteral("/.kube/config") };
    QStringList files;
    for (const QString &file : QString::fromLocal8Bit(env).split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        if (!files.contains(file))
            files.append(file);
    }
    return files;
}

Kubeconfig Kubeconfig::load(const QString &explicitFile)
{
    Kubeconfig config = loadFiles(filesToLoad(explicitFile), !explicitFile.isEmpty());
    config.addInClusterContext();
    return config;
}

void Kubeconfig::addInClusterContext()
{
    const QString name = InClusterConfig::contextName();
    const auto inCluster = InClusterConfig::load(&m_inClusterError);
    if (!inCluster)
        return;
    // A kubeconfig that names one of these itself keeps it: the files are
    // what a person wrote on purpose.
    if (m_contexts.contains(name) || m_clusters.contains(name) || m_users.contains(name))
        return;
    m_clusters.insert(name, inCluster->cluster);
    m_users.insert(name, inCluster->user);
    m_contexts.insert(name, inCluster->context);
    // Alone in a pod (no kubeconfig, or one without a current context),
    // the pod's own cluster is the one meant, as for client-go programs.
    if (m_currentContext.isEmpty())
        m_currentContext = name;
}

Kubeconfig Kubeconfig::loadFiles(const QStringList &files, bool filesMustExist)
{
    Kubeconfig config;
    for (const QString &file : files) {
        if (!QFileInfo::exists(file)) {
            if (filesMustExist)
                config.m_diagnostics.append({ file, {}, Diagnostic::Severity::Error, QStringLiteral("no such file") });
            continue;
        }
        config.loadFile(file);
    }
    return config;
}

void Kubeconfig::loadFile(const QString &path)
{
    DiagnosticSink sink(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        sink.error({}, file.errorString());
        m_diagnostics += sink.takeDiagnostics();
        return;
    }
    const QByteArray contents = file.readAll();
    m_loadedFiles.append(path);
    YAML::Node root;
    try {
        root = YAML::Load(contents.toStdString());
    } catch (const YAML::Exception &error) {
        sink.error(toLocation(error.mark), QString::fromStdString(error.msg));
        m_diagnostics += sink.takeDiagnostics();
        return;
    }
    if (root.IsNull() || !root.IsDefined()) // an empty file is an empty config
        return;
    if (!root.IsMap()) {
        sink.error(toLocation(root.Mark()), QStringLiteral("a kubeconfig must be a mapping"));
        m_diagnostics += sink.takeDiagnostics();
        return;
    }
    const QDir base = QFileInfo(path).absoluteDir();
    readNamedList(root, "clusters", "cluster", path, m_clusters, sink,
        [&](const YAML::Node &node, const QString &name) { return readCluster(node, name, base, sink); });
    readNamedList(root, "users", "user", path, m_users, sink,
        [&](const YAML::Node &node, const QString &name) { return readUser(node, name, base, sink); });
    readNamedList(root, "contexts", "context", path, m_contexts, sink,
        [&](const YAML::Node &node, const QString &name) { return readContext(node, name, sink); });
    YamlMappingReader reader(root, QStringLiteral("kubeconfig"), sink);
    const QString current = reader.string("current-context").value_or(QString());
    if (m_currentContext.isEmpty())
        m_currentContext = current;
    m_diagnostics += sink.takeDiagnostics();
}

QString Kubeconfig::errorString() const
{
    QStringList errors;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        if (diagnostic.isError())
            errors.append(diagnostic.toString());
    }
    return errors.join(QLatin1Char('\n'));
}

QList<KubeContext> Kubeconfig::contexts() const
{
    QList<KubeContext> contexts = m_contexts.values();
    std::ranges::sort(contexts, {}, &KubeContext::name);
    return contexts;
}

std::optional<KubeContext> Kubeconfig::context(const QString &name) const
{
    const auto it = m_contexts.constFind(name);
    return it == m_contexts.cend() ? std::nullopt : std::optional(*it);
}

std::optional<KubeCluster> Kubeconfig::cluster(const QString &name) const
{
    const auto it = m_clusters.constFind(name);
    return it == m_clusters.cend() ? std::nullopt : std::optional(*it);
}

std::optional<KubeUser> Kubeconfig::user(const QString &name) const
{
    const auto it = m_users.constFind(name);
    return it == m_users.cend() ? std::nullopt : std::optional(*it);
}

std::optional<KubeConnection> Kubeconfig::connection(const QString &contextName, QString *error) const
{
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty()) {
        if (error)
            *error = QStringLiteral("no context chosen and the kubeconfig has no current-context");
        // In a pod, the service account would have been the current context.
        if (error && !m_inClusterError.isEmpty())
            *error += QStringLiteral("; ") + m_inClusterError;
        return std::nullopt;
    }
    const auto context = this->context(name);
    if (!context) {
        if (error) {
            *error = QStringLiteral("context \"%1\" does not exist").arg(name);
            if (name == InClusterConfig::contextName())
                *error += QStringLiteral(": ") +
                    (!m_inClusterError.isEmpty() ? m_inClusterError
                                                 : QStringLiteral("not running in a cluster (KUBERNETES_SERVICE_HOST "
                                                                  "and KUBERNETES_SERVICE_PORT are not both set)"));
        }
        return std::nullopt;
    }
    const auto cluster = this->cluster(context->cluster);
    if (!cluster || cluster->server.isEmpty()) {
        if (error)
            *error = cluster
                ? QStringLiteral("cluster \"%1\" of context \"%2\" has no server").arg(context->cluster, name)
                : QStringLiteral("cluster \"%1\" of context \"%2\" does not exist").arg(context->cluster, name);
        return std::nullopt;
    }
    // client-go (transport.TLSConfigFor) refuses a CA together with skipping
    // verification, so kubectl fails for this context; going on with one of
    // the two would connect where kubectl does not, or trust what it would not.
    const bool hasCa = !cluster->certificateAuthority.isEmpty() || !cluster->certificateAuthorityData.isEmpty();
    if (hasCa && cluster->insecureSkipTlsVerify) {
        if (error) {
            const Diagnostic refusal { cluster->locationOfOrigin, cluster->insecureSkipTlsVerifyLocation,
                Diagnostic::Severity::Error,
                QStringLiteral("cluster \"%1\" of context \"%2\": specifying a root certificates file with the "
                               "insecure flag is not allowed (keep either insecure-skip-tls-verify or the "
                               "certificate authority, as kubectl requires)")
                    .arg(context->cluster, name) };
            *error = refusal.toString();
        }
        return std::nullopt;
    }
    KubeConnection connection;
    connection.contextName = name;
    if (!context->ns.isEmpty())
        connection.ns = context->ns;
    connection.cluster = *cluster;
    // A context may name no user (or one nobody defined): kubectl then goes anonymous.
    connection.user = this->user(context->user).value_or(KubeUser {});
    return connection;
}

} // namespace Shipyard
