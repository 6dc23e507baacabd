#include "tools/gatewaysim/notifier.h"

#include <cmath>

#include <Poco/Clock.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <Poco/Util/TimerTask.h>

namespace paynext::tools::gatewaysim {

namespace {

constexpr std::size_t kMaxReplyBytes = 64 * 1024;

Poco::Logger& log() { return Poco::Logger::get("gatewaysim.notify"); }

struct Reply {
  int status = 0;
  std::string body;
};

// POSTs the notification; returns the reply or throws Poco::Exception.
Reply post(const Notification& notification) {
  const Poco::URI uri(notification.url);
  if (uri.getScheme() != "http") {
    throw Poco::InvalidArgumentException("only http notify_url is supported: " + notification.url);
  }
  Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
  session.setTimeout(Poco::Timespan(3, 0), Poco::Timespan(5, 0), Poco::Timespan(5, 0));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType(notification.contentType);
  request.setContentLength64(static_cast<Poco::Int64>(notification.body.size()));
  if (notification.headers) {
    for (const auto& [name, value] : notification.headers(notification.body)) request.set(name, value);
  }
  session.sendRequest(request) << notification.body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string reply;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    reply.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (reply.size() > kMaxReplyBytes) throw Poco::DataException("reply too large");
  }
  return {static_cast<int>(response.getStatus()), reply};
}

}  // namespace

class Notifier::AttemptTask : public Poco::Util::TimerTask {
 public:
  AttemptTask(Notifier& notifier, std::shared_ptr<Run> run) : notifier_(notifier), run_(std::move(run)) {}
  void run() override { notifier_.attempt(run_); }

 private:
  Notifier& notifier_;
  std::shared_ptr<Run> run_;
};

Notifier::Notifier(std::vector<double> schedule, double timeScale)
    : schedule_(std::move(schedule)), timeScale_(timeScale) {}

Notifier::~Notifier() { stop(); }

void Notifier::start(Notification notification) {
  if (schedule_.empty()) return;
  auto run = std::make_shared<Run>();
  run->notification = std::move(notification);
  scheduleNext(run);
}

void Notifier::stop() {
  stopped_ = true;
  timer_.cancel(true);
}

void Notifier::scheduleNext(const std::shared_ptr<Run>& run) {
  if (stopped_ || run->next >= schedule_.size()) return;
  const auto delay = static_cast<Poco::Clock::ClockDiff>(std::llround(schedule_[run->next] * timeScale_ * 1e6));
  timer_.schedule(new AttemptTask(*this, run), Poco::Clock() + delay);
}

void Notifier::attempt(const std::shared_ptr<Run>& run) {
  if (stopped_) return;
  ++run->next;
  const Notification& notification = run->notification;
  NotifyVerdict verdict;
  try {
    const Reply reply = post(notification);
    if (reply.status >= 200 && reply.status <= 299) {
      verdict = notification.judge(reply.body);
    } else {
      // The reply's text says why (API v3 answers {"code":"FAIL","message":...}).
      const std::string why = reply.body.substr(0, 200);
      verdict = {false, "HTTP " + std::to_string(reply.status) + (why.empty() ? "" : " " + why)};
    }
  } catch (const Poco::Exception& e) {
    verdict = {false, "error: " + e.displayText()};
  } catch (const std::exception& e) {
    verdict = {false, std::string("error: ") + e.what()};
  }
  const int attempts = notification.record(verdict);
  log().information("notification %d for %s to %s: %s", attempts, notification.label, notification.url,
                    verdict.result);
  if (!verdict.acknowledged) scheduleNext(run);
}

}  // namespace paynext::tools::gatewaysim
