// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace Shipyard {

// How much Shipyard reads from a server, and how long it listens to silence,
// before it stops with an error: the one definition for both HTTP clients,
// kube/ (KubeClient over HttpWorker) and http/ (CurlTransport for trackers,
// review services, registries and Prometheus). A broken or hostile server
// can make an exchange hold at most these; real servers stay far below them.
//
// Sizes count bytes after decompression, as they are held in memory: a gzip
// bomb (2 GB of zeros in 2 MB on the wire) stops at the same size as a plain
// answer. Response headers are bounded by libcurl itself (300 KiB).
//
// A value, so that tests can make the limits small enough to reach in a
// moment (KubeClient::withReadLimits); everything else keeps the defaults.
struct ReadLimits
{
    static constexpr qsizetype mebibyte = 1024 * 1024;

    // The only protocols libcurl may speak, for the first request and after a
    // redirect (CURLOPT_PROTOCOLS_STR, CURLOPT_REDIR_PROTOCOLS_STR): a server
    // address or a Location of file://, ftp://, gopher://, ... goes nowhere.
    static constexpr const char *protocols = "http,https";

    // One whole answer held in memory: a Kubernetes object, or one page of a
    // list. KubePager asks pages of 500 objects; a pod is 4 KB of JSON in the
    // local cluster (10,000 pods: 44 MB as one unpaged list, bench_kubelist)
    // and 10-30 KB in busy production clusters, so a page is 2-15 MB and even
    // 10,000 real pods unpaged stay below. Only objects near the 1 MiB limit
    // of ConfigMaps and Secrets fill a 500-page past it, and for those
    // KubePager asks the page again in smaller pieces.
    qsizetype answer = 256 * mebibyte;
    // The body of an error status: a Kubernetes Status is under a kilobyte, a
    // 422 with a cause per field or a webhook's denial a few dozen; proxies
    // answer with a page of HTML. Only its first 300 characters are shown.
    qsizetype errorAnswer = 1 * mebibyte;
    // One event of a watch: one object as JSON on one line. etcd refuses
    // objects above 1.5 MiB unless told otherwise (--max-request-bytes) and
    // the API server request bodies above 3 MiB; as JSON, with base64 for
    // Secret data, an object stays within a few times that.
    qsizetype watchEvent = 16 * mebibyte;
    // One line of a container's log. The runtime cuts lines at 16 KiB and the
    // kubelet joins the pieces again, so nothing limits a line on the way;
    // 16 MiB without a newline is a binary dump, not a log, and the readers
    // (Cluster view, shipyardctl logs --json) hold a line whole.
    qsizetype logLine = 16 * mebibyte;
    // Silence after which an exchange counts as stalled (libcurl's low-speed
    // limit: below 1 byte/s for this long). The API server ends any request
    // that is not a watch or a log within its --request-timeout (1 minute by
    // default, answering 504 itself), and streams an answer without pauses
    // once it has begun: 90 s of silence is a frozen server, a stuck proxy
    // or a connection lost without a reset, never a slow list. Streams that
    // may be quiet for longer (watches, followed logs) get their own rule
    // (silenceRule in KubeClient.cpp).
    std::chrono::seconds silence { 90 };
    // A watch ends by the server after its timeoutSeconds; this much later
    // it has stalled. Covers the round trip and a busy server's lateness.
    std::chrono::seconds watchGrace { 30 };

    // Answers of trackers, review services, registries and Prometheus: a
    // tracker's answer is kilobytes, a Prometheus range query a few MB.
    static constexpr qsizetype serviceAnswer = 32 * mebibyte;

    // "256 MiB", "64 KiB", "100 bytes": a limit as a message names it.
    static QString describe(qsizetype bytes)
    {
        if (bytes >= mebibyte && bytes % mebibyte == 0)
            return QStringLiteral("%1 MiB").arg(bytes / mebibyte);
        if (bytes >= 1024 && bytes % 1024 == 0)
            return QStringLiteral("%1 KiB").arg(bytes / 1024);
        return QStringLiteral("%1 bytes").arg(bytes);
    }
};

} // namespace Shipyard
