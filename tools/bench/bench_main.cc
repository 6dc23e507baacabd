// paynext_bench: measures paynextd next to baselines measured in the same run
// on the same machine, and writes the figures into BENCHMARKS.md.
//   paynext_bench --paynextd=P --gatewaysim=G --plugins=DIR [--out=BENCHMARKS.md] [--notes=FILE]
//                 [--postgresql=CONNINFO]
//                 [--requests=N] [--clients=C] [--many-clients=C] [--chains=N]
//                 [--crowd-slow=N] [--crowd-idle=N] [--crowd-requests=N] [--crowd-clients=C]
//                 [--only=pay|chains] [--storage=sqlite|postgresql] [--set=KEY=VALUE ...]
// --only, --storage and --set are for profiling one part: --set adds a line to
// paynextd's configuration (e.g. --set=worker.threads=4).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <Poco/Environment.h>
#include <Poco/TemporaryFile.h>

#include "tools/bench/bare_wxpay_handler.h"
#include "tools/bench/baselines.h"
#include "tools/bench/bench_storage.h"
#include "tools/bench/chains.h"
#include "tools/bench/crowd.h"
#include "tools/bench/load_client.h"
#include "tools/bench/paynext_process.h"
#include "tools/bench/transport_compare.h"

namespace paynext::tools::bench {
namespace {

struct Options {
  PaynextPaths paths;
  std::string out = "BENCHMARKS.md";
  std::string notes;  // appended to out as it is
  std::string postgresql;  // a libpq connection string: paynextd measured on PostgreSQL too
  std::size_t requests = 5000, chains = 1000, crowdRequests = 500;
  int clients = 8, manyClients = 64, crowdClients = 8, crowdSlow = 200, crowdIdle = 1000;
  std::string commandLine = "tools/bench/run";
  std::string only;     // "pay" or "chains": that part alone; empty: everything
  std::string storage;  // "sqlite" or "postgresql": that storage alone; empty: both
  std::map<std::string, std::string> paynextdConfig;  // --set, over the bench's own
};

// paynextd's http.threads (etc/paynext.properties), given to the bare handler too.
const int kWorkers = 32;

// The gatewaysim serves a connection per thread for the connection's life;
// the bare handler keeps one open per worker, so it needs more than its
// default 16 or half the bare workers wait for a gatewaysim thread.
const int kGatewayThreads = 2 * kWorkers;

// Bounds above the crowd and deadlines longer than the run, as in
// tests/integration/connection_layer_test.cc, so the crowd stays open.
const std::map<std::string, std::string> kCrowdTolerant = {{"http.maxConnectionsPerAddress", "2000"},
                                                           {"http.headTimeoutSeconds", "120"},
                                                           {"http.keepAliveSeconds", "120"}};

struct Row {
  std::string what;
  LatencyStats stats;
};

// One paynextd on one storage: the pay rows (the bare handler's next to
// paynextd's, at each connection count), and chains against raw commits.
struct Run {
  std::string storage;  // "SQLite" or "PostgreSQL"
  std::vector<std::pair<Row, Row>> pay;  // bare, paynextd
  std::string commitsLabel;
  double commitsPerSecond = 0, chainSeconds = 0;
};

struct Figures {
  LatencyStats hello;
  std::vector<Run> runs;
  std::vector<Row> crowd;  // on the SQLite run
  std::size_t crowdOpenAfter = 0;
  std::vector<TransportRow> transports;
};

// A /pay/wx/wxapp form of 0.01 yuan per bench user.
std::vector<std::string> payFormsOf(const PaynextProcess& paynext) {
  std::vector<std::string> forms;
  for (const auto& token : paynext.tokens()) forms.push_back(form({{"token", token}, {"money", "0.01"}}));
  return forms;
}

void measureCrowd(const Options& o, const PaynextProcess& paynext, Figures& f) {
  const auto payForms = payFormsOf(paynext);
  auto payBody = [&](std::size_t i) { return payForms[i % payForms.size()]; };
  auto pay = [&] { return runLoad(paynext.port(), "/bench/pay/wx/wxapp", o.crowdRequests, o.crowdClients, payBody, envelopeOk); };
  auto healthz = [&] {
    return runLoad(paynext.port(), "/healthz", o.crowdRequests, o.crowdClients, payBody,
                   [](int status, const std::string&) { return status == 200; }, "GET");
  };
  f.crowd.push_back({"paynextd `/healthz`, no crowd", healthz()});
  f.crowd.push_back({"paynextd `/pay/wx/wxapp`, no crowd", pay()});
  Crowd crowd(paynext.port(), "/bench/pay/wx/wxapp", o.crowdSlow, o.crowdIdle);
  const std::string with = ", with the crowd (" + std::to_string(o.crowdSlow) + " slow-header + " +
                           std::to_string(o.crowdIdle) + " idle)";
  f.crowd.push_back({"paynextd `/healthz`" + with, healthz()});
  f.crowd.push_back({"paynextd `/pay/wx/wxapp`" + with, pay()});
  f.crowdOpenAfter = crowd.quietAndOpen();
}

// paynextd on `storage` (raw commits measured on `raw` first), with the crowd when `f` is given.
Run measureRun(const Options& o, const std::string& dir, const BenchStorage& storage, const BenchStorage& raw,
               Figures* f) {
  Run run;
  run.storage = storage.postgresql() ? "PostgreSQL" : "SQLite";
  run.commitsLabel = raw.describe();
  run.commitsPerSecond = rawCommitsPerSecond(raw, 1000);

  std::map<std::string, std::string> config = kCrowdTolerant;
  config["http.threads"] = std::to_string(kWorkers);
  for (const auto& [key, value] : o.paynextdConfig) config[key] = value;
  PaynextProcess paynext(o.paths, dir, kGatewayThreads, storage, config, std::max(o.clients, o.manyClients));
  const auto payForms = payFormsOf(paynext);
  auto payBody = [&](std::size_t i) { return payForms[i % payForms.size()]; };
  for (const int clients : {o.clients, o.manyClients}) {
    if (o.only == "chains") break;
    const std::string c = std::to_string(clients) + " connections";
    Row bare;
    {
      // A bare server per row: its keep-alive sessions to the gatewaysim
      // close with it instead of holding gatewaysim threads in the next row.
      BareWxpayServer server(paynext.gatewayPort(), kWorkers);
      bare = {"baseline: bare Poco handler, unifiedorder to gatewaysim, " + c,
              runLoad(server.port(), "/pay/wx/wxapp", o.requests, clients, payBody, envelopeOk)};
    }
    Row measured{"paynextd on " + run.storage + " `/pay/wx/wxapp` (unifiedorder to gatewaysim), " + c,
                 runLoad(paynext.port(), "/bench/pay/wx/wxapp", o.requests, clients, payBody, envelopeOk)};
    run.pay.emplace_back(bare, measured);
  }
  if (f && o.only.empty()) measureCrowd(o, paynext, *f);
  if (o.only != "pay") run.chainSeconds = chainSeconds(paynext, o.chains, o.clients);
  return run;
}

TransportLoad transportLoad(const Options& o) {
  TransportLoad load;
  load.requests = o.requests;
  load.clients = o.clients;
  load.manyClients = o.manyClients;
  load.crowdSlow = o.crowdSlow;
  load.crowdIdle = o.crowdIdle;
  load.workers = kWorkers;
  return load;
}

Figures measure(const Options& o, const std::string& dir) {
  Figures f;
  if (o.only.empty()) {
    f.hello = helloBaseline(o.requests, o.clients);
    f.transports = compareTransports(transportLoad(o));
  }
  if (o.storage != "postgresql") {
    f.runs.push_back(measureRun(o, dir + "/sqlite", BenchStorage::sqlite(dir + "/sqlite.db"),
                                BenchStorage::sqlite(dir + "/baseline.db"), &f));
  }
  if (!o.postgresql.empty() && o.storage != "sqlite") {
    f.runs.push_back(measureRun(o, dir + "/postgresql", BenchStorage::freshPostgresql(o.postgresql, "paynext_bench"),
                                BenchStorage::freshPostgresql(o.postgresql, "paynext_bench_raw"), nullptr));
  }
  return f;
}


std::string machine() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return Poco::Environment::osName() + " " + Poco::Environment::osVersion() + ", " + model + ", " +
         std::to_string(Poco::Environment::processorCount()) + " cores";
}

const char* kTableHead =
    "| what | requests | errors | req/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n";

std::string row(const std::string& name, const LatencyStats& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "| %s | %zu | %zu | %.0f | %.2f | %.2f | %.2f |\n", name.c_str(), s.requests,
                s.errors, s.perSecond(), s.p50Ms, s.p99Ms, s.maxMs);
  return buf;
}

std::string percent(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", whole > 0 ? 100 * part / whole : 0.0);
  return buf;
}

std::string times(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f×", whole > 0 ? part / whole : 0.0);
  return buf;
}

std::string markdown(const Options& o, const Figures& f) {
  std::ostringstream md;
  md << "# Benchmarks\n\nWritten by `tools/bench/run`, all figures from one run on one machine (it is shared "
        "and noisy, so each figure is read against the baseline next to it).\n\n"
     << "- machine: " << machine() << "\n- command: `" << o.commandLine << "`\n\n"
     << "## Requests\n\n"
     << o.requests << " requests per row, each client on one keep-alive connection; paynextd's requests come "
     << "from " << std::max(o.clients, o.manyClients) << " users in turn, so concurrent ones are mostly of "
     << "different users (wallets). The bare handler is a Poco "
     << "HTTPServer in the bench process doing the work of `/pay/wx/wxapp` minus paynext: the same signed "
     << "unifiedorder XML round trip to the same gatewaysim (one keep-alive session per handler thread), the "
     << "answer parsed and verified, the JSAPI pay parameters signed, a JSON envelope. It has the same worker "
     << "count as paynextd (`http.threads` = " << kWorkers << "), so the comparison is fair (Poco's server gives "
     << "a connection a worker while it reads and answers it; paynextd gives a worker only complete requests). "
     << "Both talk to one gatewaysim started with `--threads=" << kGatewayThreads
     << "` (its default 16 would make half the bare handler's keep-alive sessions wait); a fresh bare server "
     << "per row, measured just before the paynextd row it stands next to, so its idle sessions do not hold "
     << "gatewaysim threads in the next row.\n\n"
     << kTableHead << row("baseline: bare Poco hello-world endpoint, " + std::to_string(o.clients) + " connections",
                          f.hello);
  for (const auto& run : f.runs) {
    for (const auto& [bare, measured] : run.pay) md << row(bare.what, bare.stats) << row(measured.what, measured.stats);
  }
  md << "\n### Against the limit\n\n| storage | connections | paynextd / bare req/s | paynextd / bare p99 |\n"
        "|---|---|---|---|\n";
  for (const auto& run : f.runs) {
    for (std::size_t i = 0; i < run.pay.size(); ++i) {
      const auto& [bare, measured] = run.pay[i];
      md << "| " << run.storage << " | " << (i == 0 ? o.clients : o.manyClients) << " | "
         << percent(measured.stats.perSecond(), bare.stats.perSecond()) << " | "
         << times(measured.stats.p99Ms, bare.stats.p99Ms) << " |\n";
    }
  }
  md << "\n## A crowd of slow and idle connections\n\n"
     << "While " << o.crowdSlow << " connections that sent a partial request head and then nothing, and "
     << o.crowdIdle << " idle connections, all from 127.0.0.2-127.0.0.9, are held open, " << o.crowdRequests
     << " requests per row come from " << o.crowdClients
     << " keep-alive clients on 127.0.0.1; the rows without the crowd are the baseline, measured just before "
     << "on the same paynextd (on SQLite). paynextd runs with `http.maxConnectionsPerAddress = 2000`, "
     << "`http.headTimeoutSeconds = 120` and `http.keepAliveSeconds = 120` (as in "
     << "tests/integration/connection_layer_test.cc) so that no crowd connection is refused or timed out; the "
     << "aim is a p99 under 100 ms. " << f.crowdOpenAfter << " of " << (o.crowdSlow + o.crowdIdle)
     << " crowd connections were still open and unanswered after the measurement.\n\n"
     << kTableHead;
  for (const auto& r : f.crowd) md << row(r.what, r.stats);
  md << "\n## Connection layer: Poco HTTPServer, a Poco SocketReactor prototype, and paynext's Beast transport\n\n"
     << "The same hello handler (`{\"code\":0,\"data\":\"hello\",\"msg\":\"success\"}`) behind three connection "
        "layers, each with "
     << kWorkers
     << " handler threads, measured one after the other in this run. Poco's `HTTPServer` gives each open "
        "connection a thread of its pool for as long as it is open (`setMaxThreads("
     << kWorkers
     << ")` and a `ThreadPool` of as many, since the default pool stops at 16; the default queue of 64 "
        "waiting connections, beyond which it closes new ones). The SocketReactor "
        "prototype (`tools/bench/reactor_http_server.h`, bench-only) reads every connection on one "
        "`Poco::Net::SocketReactor` thread until a request is complete, parses the head with "
        "`Poco::Net::HTTPRequest`, and only then hands it to a worker, which answers with a blocking send; no "
        "TLS, chunked bodies, pipelining, timeouts or connection limits. paynext's transport "
        "(`core/transport`, Boost.Beast over epoll, 1 I/O thread) does the same with those bounds, set here "
        "above the crowd so it is not cut. Per server: "
     << o.requests << " POSTs from " << o.clients << " and from " << o.manyClients
     << " keep-alive connections, then from " << o.clients << " again while " << o.crowdSlow
     << " slow-header and " << o.crowdIdle
     << " idle connections (from 127.0.0.2-127.0.0.9) are held open. A request fails after 5 s and none "
        "starts after 30 s in a row, so `requests` is how many were sent and failed ones count as requests "
        "and errors.\n\n"
     << kTableHead;
  for (const auto& r : f.transports) md << row(r.what, r.stats);
  md << "\n## Storage and chains\n\nA chain is `{type:5, amount:0.01, nextAction:{type:5, amount:0.01}}` "
        "(two deposits); its notifications come from "
     << o.clients << " clients, the payments of " << std::max(o.clients, o.manyClients)
     << " users in turn. The baseline is one row inserted and committed per transaction, in a loop, on "
        "the same storage with the same durability settings.\n\n| storage | what | figure |\n|---|---|---|\n";
  char buf[512];
  for (const auto& run : f.runs) {
    if (run.chainSeconds <= 0) continue;  // --only=pay
    const double chainsPerSecond = o.chains / run.chainSeconds;
    std::snprintf(buf, sizeof buf,
                  "| %s | baseline: %s | %.0f commits/s |\n| %s | %zu notifications -> all %zu chain steps done | "
                  "%.2f s (%.0f chains/s, %s of the commit rate) |\n",
                  run.storage.c_str(), run.commitsLabel.c_str(), run.commitsPerSecond, run.storage.c_str(), o.chains,
                  o.chains * 2, run.chainSeconds, chainsPerSecond,
                  percent(chainsPerSecond, run.commitsPerSecond).c_str());
    md << buf;
  }
  return md.str();
}

}  // namespace
}  // namespace paynext::tools::bench

int main(int argc, char** argv) {
  using namespace paynext::tools::bench;
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq), value = eq == std::string::npos ? "" : a.substr(eq + 1);
    bool load = true;  // the paths are fixed by tools/bench/run; the load shape is what varies
    try {
      if (name == "--paynextd") o.paths.paynextd = value, load = false;
      else if (name == "--gatewaysim") o.paths.gatewaysim = value, load = false;
      else if (name == "--plugins") o.paths.plugins = value, load = false;
      else if (name == "--out") o.out = value, load = false;
      else if (name == "--notes") o.notes = value, load = false;
      else if (name == "--postgresql") o.postgresql = value, load = false;
      else if (name == "--requests") o.requests = std::stoul(value);
      else if (name == "--clients") o.clients = std::stoi(value);
      else if (name == "--many-clients") o.manyClients = std::stoi(value);
      else if (name == "--chains") o.chains = std::stoul(value);
      else if (name == "--crowd-slow") o.crowdSlow = std::stoi(value);
      else if (name == "--crowd-idle") o.crowdIdle = std::stoi(value);
      else if (name == "--crowd-requests") o.crowdRequests = std::stoul(value);
      else if (name == "--crowd-clients") o.crowdClients = std::stoi(value);
      else if (name == "--only" && (value == "pay" || value == "chains")) o.only = value;
      else if (name == "--storage" && (value == "sqlite" || value == "postgresql")) o.storage = value;
      else if (name == "--set" && value.find('=') != std::string::npos)
        o.paynextdConfig[value.substr(0, value.find('='))] = value.substr(value.find('=') + 1);
      else throw std::invalid_argument(a);
    } catch (const std::logic_error&) {
      std::cerr << "bad argument " << a << "\n";
      return 2;
    }
    if (load) o.commandLine += " " + a;
  }
  const std::string dir = Poco::TemporaryFile::tempName();
  std::filesystem::create_directories(dir);
  try {
    std::string md = markdown(o, measure(o, dir));
    if (!o.notes.empty()) {
      // Hand-written: where the time goes, from the last profile.
      std::ifstream notes(o.notes);
      if (!notes) throw std::runtime_error("cannot read " + o.notes);
      md += "\n" + std::string(std::istreambuf_iterator<char>(notes), {});
    }
    std::ofstream(o.out) << md;
    std::cout << md;
  } catch (const std::exception& e) {
    std::cerr << "bench failed: " << e.what() << "\n";
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
