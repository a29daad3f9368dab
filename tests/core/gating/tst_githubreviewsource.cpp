// SPDX-License-Identifier: GPL-2.0-or-later
// GitHubReviewSource against response bodies written from the examples in
// GitHub's published REST API documentation ("List pull requests", "List
// reviews for a pull request", "Using pagination in the REST API"; see
// data/README.md), served by a fake transport, and once by a server on
// 127.0.0.1 through libcurl: no GitHub can run here. They were not captured
// from a server.
#include "ApprovalsReason.h"
#include "FakeTransport.h"

#include "gating/GateEvaluator.h"
#include "gating/GitHubReviewSource.h"
#include "http/CurlTransport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTest>
#include <QUrlQuery>

#include <atomic>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

// The documented pull request's head, and the commit its documented review names.
const QString head = QStringLiteral("6dcb09b5b57875f334f61aebed695e2e4193db5e");
const QString earlier = QStringLiteral("ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091");

QByteArray documented(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/github/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A response recorded as `curl --include` prints it: status line, headers, a
// blank line, the body.
HttpResponse recorded(const QString &name)
{
    const QByteArray text = documented(name);
    const qsizetype blank = text.indexOf("\n\n");
    HttpResponse response;
    const QList<QByteArray> lines = text.left(blank).split('\n');
    response.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        response.headers.append(qMakePair(lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()));
    }
    response.body = text.mid(blank + 2);
    return response;
}

// Reviews in the documented shape: the documented review with its login,
// state and commit replaced, oldest first, as GitHub lists them.
QByteArray reviewsBy(const QList<QPair<QString, QString>> &loginsAndStates, const QString &commit = head)
{
    const QJsonObject model =
        QJsonDocument::fromJson(documented(QStringLiteral("reviews.json"))).array().first().toObject();
    QJsonArray reviews;
    int id = 80;
    for (const auto &[login, state] : loginsAndStates) {
        QJsonObject review = model;
        QJsonObject user = review.value(QLatin1String("user")).toObject();
        user.insert(QStringLiteral("login"), login);
        review.insert(QStringLiteral("user"), user);
        review.insert(QStringLiteral("state"), state);
        review.insert(QStringLiteral("id"), id++);
        review.insert(QStringLiteral("commit_id"), commit);
        reviews.append(review);
    }
    return QJsonDocument(reviews).toJson();
}

ReviewRequest request(const QString &commit = head, const QString &branch = QStringLiteral("new-topic"))
{
    return { nullptr, branch, {}, commit };
}

QStringList reviewers(const QList<Review> &reviews, Review::Verdict verdict)
{
    QStringList names;
    for (const Review &review : reviews)
        if (review.verdict == verdict)
            names.append(review.reviewer);
    return names;
}

const QUrl api(QStringLiteral("https://api.github.com"));
const QByteArray pullsPath("GET /repos/octocat/Hello-World/pulls");
const QByteArray reviewsPath("GET /repos/octocat/Hello-World/pulls/1347/reviews");
// Where the recorded pages' Link headers point: the repository by id.
const QByteArray linkedReviewsPath("GET /repositories/1296269/pulls/1347/reviews");

// The three recorded pages, served where their Link headers point.
std::shared_ptr<FakeTransport> threePages()
{
    auto fake = std::make_shared<FakeTransport>();
    fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
    fake->handle(reviewsPath, [](const HttpRequest &) { return recorded(QStringLiteral("reviews-page-1.http")); });
    fake->handle(linkedReviewsPath, [](const HttpRequest &sent) {
        const QString page = QUrlQuery(sent.url).queryItemValue(QStringLiteral("page"));
        return recorded(QStringLiteral("reviews-page-%1.http").arg(page));
    });
    return fake;
}

// Answers each connection on 127.0.0.1 with the recorded response for its
// request target, the recorded Link headers pointing back at itself.
class RecordedServer
{
public:
    explicit RecordedServer(QHash<QByteArray, QString> files) : m_files(std::move(files))
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_socket, reinterpret_cast<sockaddr *>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(m_socket, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        ::listen(m_socket, 8);
        m_thread = std::thread([this] { serve(); });
    }
    ~RecordedServer()
    {
        m_stopping = true;
        ::shutdown(m_socket, SHUT_RDWR);
        m_thread.join();
        ::close(m_socket);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QList<QByteArray> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

private:
    void serve()
    {
        while (!m_stopping) {
            const int connection = ::accept(m_socket, nullptr, nullptr);
            if (connection < 0)
                return;
            QByteArray request;
            char buffer[4096];
            while (!request.contains("\r\n\r\n")) {
                const ssize_t got = ::read(connection, buffer, sizeof buffer);
                if (got <= 0)
                    break;
                request.append(buffer, got);
            }
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(request);
            }
            const QByteArray target = request.left(request.indexOf('\n')).split(' ').value(1);
            QByteArray answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            if (m_files.contains(target)) {
                const HttpResponse response = recorded(m_files.value(target));
                answer = "HTTP/1.1 " + QByteArray::number(response.status) + " OK\r\n";
                for (const auto &[name, value] : response.headers)
                    answer +=
                        name + ": " + QByteArray(value).replace("https://api.github.com", url().toEncoded()) + "\r\n";
                answer += "Content-Length: " + QByteArray::number(response.body.size()) +
                    "\r\nConnection: close\r\n\r\n" + response.body;
            }
            for (qsizetype written = 0; written < answer.size();) {
                const ssize_t sent = ::write(connection, answer.constData() + written, size_t(answer.size() - written));
                if (sent <= 0)
                    break;
                written += sent;
            }
            ::close(connection);
        }
    }

    QHash<QByteArray, QString> m_files;
    int m_socket = -1;
    int m_port = 0;
    std::atomic_bool m_stopping = false;
    std::thread m_thread;
    mutable QMutex m_mutex;
    QList<QByteArray> m_requests;
};

} // namespace

class tst_GitHubReviewSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // As documented, octocat reviews octocat's own pull request: not counted.
    void documentedBodies()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, documented(QStringLiteral("reviews.json")));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
        QVERIFY(lookup.outdated.isEmpty());
        QCOMPARE(lookup.commit, head);
        QVERIFY(lookup.mismatch.isEmpty());
        QCOMPARE(fake->requests.size(), 2);
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("head"), QUrl::FullyDecoded), QStringLiteral("octocat:new-topic"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("open"));
        QCOMPARE(fake->header(0, "Authorization"), QByteArray("Bearer ghp_s3cr3t"));
        QCOMPARE(fake->header(1, "Accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(QUrlQuery(fake->requests.at(1).url).queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    }

    // The documented review as hubot's: an approval of ecdd80b, an earlier
    // push than the pull request's head 6dcb09b, which is being delivered.
    void approvalOfAnEarlierPush()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(
            reviewsPath, 200, reviewsBy({ { QStringLiteral("hubot"), QStringLiteral("APPROVED") } }, earlier));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.outdated.size(), 1);
        QCOMPARE(lookup.outdated.first().reviewer, QStringLiteral("hubot"));
        QCOMPARE(lookup.outdated.first().commit, earlier);
        QCOMPARE(approvalsReason(lookup, 1),
            QStringLiteral("0 of 1 required approvals: approved at ecdd80b by hubot, delivering 6dcb09b"));
    }

    // Three pages, each naming the next in its Link header: every one is read,
    // and monalisa's request for changes on page 2 overrides her approval on
    // page 1; hubot's comment on page 3 leaves his approval of an earlier push.
    void everyPageCounts()
    {
        auto fake = threePages();
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Approved),
            (QStringList { QStringLiteral("spacecat"), QStringLiteral("octodog") }));
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Rejected), QStringList { QStringLiteral("monalisa") });
        QCOMPARE(lookup.outdated.size(), 1);
        QCOMPARE(lookup.outdated.first().reviewer, QStringLiteral("hubot"));
        QCOMPARE(lookup.outdated.first().commit, earlier);
        QCOMPARE(fake->requests.size(), 4);
        for (qsizetype i = 2; i < 4; ++i) {
            QCOMPARE(fake->requests.at(i).url.host(), QStringLiteral("api.github.com"));
            QCOMPARE(fake->requests.at(i).url.path(), QStringLiteral("/repositories/1296269/pulls/1347/reviews"));
            QCOMPARE(QUrlQuery(fake->requests.at(i).url).queryItemValue(QStringLiteral("page")), QString::number(i));
            QCOMPARE(fake->header(int(i), "Authorization"), QByteArray("Bearer ghp_s3cr3t"));
        }
        QCOMPARE(approvalsReason(lookup, 2), QStringLiteral("changes requested by monalisa"));
    }

    // The same pages through libcurl from a server on 127.0.0.1: the Link
    // header reaches the source as the server sent it.
    void everyPageOverHttp()
    {
        qputenv("NO_PROXY", "127.0.0.1");
        qputenv("no_proxy", "127.0.0.1");
        RecordedServer server({ { "/repos/octocat/Hello-World/pulls/1347/reviews?per_page=100",
                                    QStringLiteral("reviews-page-1.http") },
            { "/repositories/1296269/pulls/1347/reviews?per_page=100&page=2", QStringLiteral("reviews-page-2.http") },
            { "/repositories/1296269/pulls/1347/reviews?per_page=100&page=3",
                QStringLiteral("reviews-page-3.http") } });
        // The pull request comes from the fake; the reviews from the server.
        class Split : public HttpTransport
        {
        public:
            HttpResponse send(const HttpRequest &sent) override
            {
                if (sent.url.path().endsWith(QLatin1String("/pulls"))) {
                    HttpResponse pulls;
                    pulls.status = 200;
                    pulls.body = documented(QStringLiteral("pulls.json"));
                    return pulls;
                }
                return m_curl.send(sent);
            }

        private:
            CurlTransport m_curl;
        };
        GitHubReviewSource github(server.url(), QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"),
            std::make_shared<Split>());
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Approved),
            (QStringList { QStringLiteral("spacecat"), QStringLiteral("octodog") }));
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Rejected), QStringList { QStringLiteral("monalisa") });
        const QList<QByteArray> requests = server.requests();
        QCOMPARE(requests.size(), 3);
        for (const QByteArray &sent : requests)
            QVERIFY2(sent.contains("Authorization: Bearer ghp_s3cr3t"), sent.constData());
    }

    void nextPageLink_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("next");
        QTest::newRow("documented example")
            << QByteArray(R"(<https://api.github.com/repositories/1300192/issues?page=2>; rel="prev", )"
                          R"(<https://api.github.com/repositories/1300192/issues?page=4>; rel="next", )"
                          R"(<https://api.github.com/repositories/1300192/issues?page=515>; rel="last", )"
                          R"(<https://api.github.com/repositories/1300192/issues?page=1>; rel="first")")
            << QByteArray("https://api.github.com/repositories/1300192/issues?page=4");
        QTest::newRow("last page") << QByteArray(
                                          R"(<https://a/x?page=1>; rel="first", <https://a/x?page=2>; rel="prev")")
                                   << QByteArray();
        QTest::newRow("no header") << QByteArray() << QByteArray();
        QTest::newRow("unquoted, upper case")
            << QByteArray("<https://a/x?page=2>; REL=next") << QByteArray("https://a/x?page=2");
        QTest::newRow("several relations")
            << QByteArray(R"(<https://a/x?page=2>; title="n"; rel="next last")") << QByteArray("https://a/x?page=2");
        QTest::newRow("nextish is not next") << QByteArray(R"(<https://a/x?page=2>; rel="nextpage")") << QByteArray();
    }

    void nextPageLink()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, next);
        QCOMPARE(GitHubReviewSource::nextPageLink(header), next);
    }

    // A Link header pointing away from the API root is not followed: the
    // token would go with it.
    void linkElsewhereIsRefused()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->handle(reviewsPath, [](const HttpRequest &) {
            HttpResponse page = recorded(QStringLiteral("reviews-page-1.http"));
            page.headers = { qMakePair(QByteArray("link"),
                QByteArray(
                    R"(<https://api.github.com.evil.example/repositories/1296269/pulls/1347/reviews?page=2>; rel="next")")) };
            return page;
        });
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.contains(QLatin1String("the next page of reviews is not under https://api.github.com")),
            qPrintable(lookup.error));
        QCOMPARE(fake->requests.size(), 2);
    }

    // A full page without a Link header (a proxy may drop it) is followed by
    // asking for the next page by number, until one comes back short.
    void fullPageWithoutLink()
    {
        QList<QPair<QString, QString>> hundred;
        for (int i = 0; i < 100; ++i)
            hundred.append({ QStringLiteral("reviewer%1").arg(i), QStringLiteral("APPROVED") });
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->handle(reviewsPath, [&](const HttpRequest &sent) {
            HttpResponse page;
            page.status = 200;
            const QString number = QUrlQuery(sent.url).queryItemValue(QStringLiteral("page"));
            page.body = number.isEmpty()
                ? reviewsBy(hundred)
                : reviewsBy({ { QStringLiteral("reviewer0"), QStringLiteral("CHANGES_REQUESTED") } });
            return page;
        });
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(fake->requests.size(), 3);
        QCOMPARE(QUrlQuery(fake->requests.at(2).url).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(lookup.approvals(), 99);
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Rejected), QStringList { QStringLiteral("reviewer0") });
    }

    void pagesWithoutEnd()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        const auto endless = [](const HttpRequest &) { return recorded(QStringLiteral("reviews-page-2.http")); };
        fake->handle(reviewsPath, endless);
        fake->handle(linkedReviewsPath, endless);
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.contains(QLatin1String("more than 100 pages of reviews")), qPrintable(lookup.error));
        QCOMPARE(fake->requests.size(), 1 + GitHubReviewSource::maximumPages);
    }

    // Delivering a commit the pull request is not at (the clone's branch is
    // behind or ahead of what was pushed): no approval counts, even one
    // given for the commit being delivered.
    void pullRequestAtAnotherCommit()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(
            reviewsPath, 200, reviewsBy({ { QStringLiteral("hubot"), QStringLiteral("APPROVED") } }, earlier));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request(earlier.toUpper()));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.commit, earlier);
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch, QStringLiteral("pull request #1347 is at 6dcb09b"));
        QCOMPARE(approvalsReason(lookup, 1),
            QStringLiteral("0 of 1 required approvals: pull request #1347 is at 6dcb09b; approved at ecdd80b by "
                           "hubot, delivering ecdd80b"));
    }

    void noCommitToCheckAgainst_data()
    {
        QTest::addColumn<QString>("commit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none, and no repository")
            << QString() << QStringLiteral("no commit to check the approvals against");
        QTest::newRow("abbreviated") << QStringLiteral("6dcb09b")
                                     << QStringLiteral("'6dcb09b' is not a full commit id");
        QTest::newRow("not hexadecimal") << QStringLiteral("HEAD~1")
                                         << QStringLiteral("'HEAD~1' is not a full commit id");
    }

    void noCommitToCheckAgainst()
    {
        QFETCH(QString, commit);
        QFETCH(QString, expected);
        auto fake = std::make_shared<FakeTransport>();
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request(commit));
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(lookup.error.startsWith(QLatin1String("reading the reviews of new-topic from GitHub at")));
        QVERIFY(fake->requests.isEmpty());
    }

    // Each reviewer's latest deciding review counts (variants of the documented review).
    void latestReviewPerUser_data()
    {
        using Reviews = QList<QPair<QString, QString>>;
        QTest::addColumn<Reviews>("reviews");
        QTest::addColumn<QStringList>("approvedBy");
        QTest::addColumn<QStringList>("rejectedBy");
        const QString approved = QStringLiteral("APPROVED"), changes = QStringLiteral("CHANGES_REQUESTED"),
                      commented = QStringLiteral("COMMENTED"), dismissed = QStringLiteral("DISMISSED"),
                      pending = QStringLiteral("PENDING");
        const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
        QTest::newRow("two approvals") << Reviews { { alice, approved }, { bob, approved } }
                                       << QStringList { alice, bob } << QStringList {};
        QTest::newRow("approved twice counts once")
            << Reviews { { alice, approved }, { QStringLiteral("ALICE"), approved } } << QStringList { alice }
            << QStringList {};
        QTest::newRow("a comment after approval keeps it") << Reviews { { alice, approved }, { alice, commented },
            { alice, pending } } << QStringList { alice } << QStringList {};
        QTest::newRow("changes requested, then approved")
            << Reviews { { bob, changes }, { bob, approved } } << QStringList { bob } << QStringList {};
        QTest::newRow("approved, then changes requested blocks")
            << Reviews { { bob, approved }, { bob, changes } } << QStringList {} << QStringList { bob };
        QTest::newRow("a dismissed approval is gone")
            << Reviews { { alice, approved }, { alice, dismissed } } << QStringList {} << QStringList {};
        QTest::newRow("only comments") << Reviews { { alice, commented } } << QStringList {} << QStringList {};
        QTest::newRow("the author, in any case, does not count") << Reviews { { QStringLiteral("OctoCat"), approved },
            { alice, approved } } << QStringList { alice } << QStringList {};
    }

    void latestReviewPerUser()
    {
        using Reviews = QList<QPair<QString, QString>>;
        QFETCH(Reviews, reviews);
        QFETCH(QStringList, approvedBy);
        QFETCH(QStringList, rejectedBy);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, reviewsBy(reviews));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Approved), approvedBy);
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Rejected), rejectedBy);
    }

    void enterpriseApiRoot()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /api/v3/repos/octocat/Hello-World/pulls", 200, "[]");
        GitHubReviewSource github(QUrl(QStringLiteral("https://github.example.org/api/v3/")),
            QStringLiteral("octocat/Hello-World"), QString(), fake);
        const QString error = github.reviews(request()).error;
        QVERIFY2(error.contains(QLatin1String("no open pull request from new-topic in octocat/Hello-World")),
            qPrintable(error));
    }

    // Enterprise Server's Link headers keep its /api/v3 root; one outside it is refused.
    void enterpriseLinks()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /api/v3/repos/octocat/Hello-World/pulls", 200, documented(QStringLiteral("pulls.json")));
        fake->handle("GET /api/v3/repos/octocat/Hello-World/pulls/1347/reviews", [](const HttpRequest &) {
            HttpResponse page = recorded(QStringLiteral("reviews-page-1.http"));
            page.headers = {
                qMakePair(QByteArray("Link"),
                    QByteArray(
                        R"(<https://github.example.org/api/v3/repositories/1296269/pulls/1347/reviews?per_page=100&page=2>; rel="next")"))
            };
            return page;
        });
        fake->handle("GET /api/v3/repositories/1296269/pulls/1347/reviews",
            [](const HttpRequest &) { return recorded(QStringLiteral("reviews-page-3.http")); });
        GitHubReviewSource github(QUrl(QStringLiteral("https://github.example.org/api/v3/")),
            QStringLiteral("octocat/Hello-World"), QString(), fake);
        ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(fake->requests.size(), 3);
        QCOMPARE(reviewers(lookup.reviews, Review::Verdict::Approved),
            (QStringList { QStringLiteral("monalisa"), QStringLiteral("octodog") }));

        fake->handle("GET /api/v3/repos/octocat/Hello-World/pulls/1347/reviews", [](const HttpRequest &) {
            HttpResponse page = recorded(QStringLiteral("reviews-page-1.http"));
            page.headers = { qMakePair(QByteArray("Link"),
                QByteArray(
                    R"(<https://github.example.org/other/repositories/1296269/pulls/1347/reviews?page=2>; rel="next")")) };
            return page;
        });
        lookup = github.reviews(request());
        QVERIFY2(lookup.error.contains(QLatin1String("is not under https://github.example.org/api/v3")),
            qPrintable(lookup.error));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401, documented body")
            << 401 << documented(QStringLiteral("error-401.json"))
            << QStringLiteral("HTTP 401): check the token in $GITHUB_TOKEN (Bad credentials)");
        QTest::newRow("403") << 403 << QByteArray(R"({"message":"Resource not accessible by integration"})")
                             << QStringLiteral("permission denied (HTTP 403)");
        QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not Found"})")
                             << QStringLiteral("not found (HTTP 404) (Not Found)");
        QTest::newRow("502") << 502 << QByteArray() << QStringLiteral("the server failed (HTTP 502)");
        QTest::newRow("garbage") << 200 << QByteArray("[{\"number\": ")
                                 << QStringLiteral("is not a list of pull requests");
        QTest::newRow("no number") << 200 << QByteArray(R"([{"head":{"ref":"new-topic"}}])")
                                   << QStringLiteral("has no number");
        QTest::newRow("no head commit") << 200 << QByteArray(R"([{"number":7,"head":{"ref":"new-topic"}}])")
                                        << QStringLiteral(
                                               "(pull request #7): the pull request's head has no commit id");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, status, body);
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake,
            QStringLiteral("GITHUB_TOKEN"));
        const ReviewLookup lookup = github.reviews(request());
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(lookup.error.startsWith(QLatin1String("reading the reviews of new-topic from GitHub at")));
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
    }

    void reviewsErrors()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, "{\"reviews\": []}");
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        QString error = github.reviews(request()).error;
        QVERIFY2(error.contains(QLatin1String("(pull request #1347): the answer is not a list of reviews")),
            qPrintable(error));
        fake->respond(reviewsPath, 500, "");
        error = github.reviews(request()).error;
        QVERIFY2(error.contains(QLatin1String("HTTP 500")), qPrintable(error));
        // A later page failing fails the lookup: its reviews may be the deciding ones.
        fake = threePages();
        fake->handle(linkedReviewsPath, [](const HttpRequest &) {
            HttpResponse failed;
            failed.status = 502;
            return failed;
        });
        GitHubReviewSource paged(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = paged.reviews(request());
        QVERIFY2(lookup.error.contains(QLatin1String("(pull request #1347), page 2")), qPrintable(lookup.error));
        QVERIFY2(lookup.error.contains(QLatin1String("HTTP 502")), qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
    }

    void badProject()
    {
        auto fake = std::make_shared<FakeTransport>();
        GitHubReviewSource github(api, QStringLiteral("Hello-World"), QString(), fake);
        QVERIFY(github.reviews(request()).error.contains(QLatin1String("an 'owner/repo' project")));
        QVERIFY(fake->requests.isEmpty());
    }

    void hostileBranchName()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const QString name = QStringLiteral("feature/ünï&head=octocat:new-topic");
        // The documented pull request is from new-topic: it must not be taken for this branch.
        QVERIFY(github.reviews(request(head, name)).error.contains(QLatin1String("no open pull request")));
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("head"), QUrl::FullyDecoded),
            QStringLiteral("octocat:") + name);
    }
};

QTEST_GUILESS_MAIN(tst_GitHubReviewSource)
#include "tst_githubreviewsource.moc"
