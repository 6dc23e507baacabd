// gatewaysim: a local WeChat Pay v2 and Alipay (RSA2) gateway for tests and the demo.
// Usage: gatewaysim [--port=N] [--port-file=PATH] --merchant=MCHID:APPID:APIKEY...
//                   --wxpay-v3=MCHID:APPID:MCH_SERIAL:MCH_PUBLIC_KEY_FILE:PLATFORM_SERIAL:PLATFORM_PRIVATE_KEY_FILE:APIV3_KEY...
//                   --alipay-app=APPID:APP_PUBLIC_KEY_FILE:ALIPAY_PRIVATE_KEY_FILE...
//                   [--notify-schedule=S0,S1,...] [--alipay-notify-schedule=S0,S1,...]
//                   [--merchant-cert=MCHID:CERT_PEM_FILE...] [--merchant-refund-notify=MCHID:URL...]
//                   [--refund-delay=S] [--secapi-without-tls]
//                   [--time-scale=F] [--host=ADDR]
#include <iostream>
#include <string>

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include "core/common/process_lifecycle.h"
#include "tools/gatewaysim/mutual_tls.h"
#include "tools/gatewaysim/sim_server.h"

namespace {

using paynext::tools::gatewaysim::SimConfig;
using Poco::Util::Option;

Poco::Util::OptionSet options() {
  Poco::Util::OptionSet set;
  set.addOption(Option("help", "h", "show this help"));
  set.addOption(Option("host", "", "address to listen on (default 127.0.0.1)").argument("ADDR"));
  set.addOption(Option("port", "p", "port to listen on; 0 (default) picks a free one").argument("N"));
  set.addOption(Option("threads", "", "connections served at once (default 16)").argument("N"));
  set.addOption(Option("port-file", "", "write the bound port to PATH once listening").argument("PATH"));
  set.addOption(Option("tls-cert", "", "serve HTTPS with this PEM certificate").argument("FILE"));
  set.addOption(Option("tls-key", "", "the PEM private key of --tls-cert").argument("FILE"));
  set.addOption(
      Option("merchant", "m", "a merchant to accept (repeatable)").argument("MCHID:APPID:APIKEY").repeatable(true));
  set.addOption(Option("merchant-cert", "", "the API certificate (PEM) of a --merchant given before it: /secapi/ "
                       "calls (refunds) must present it as their TLS client certificate (repeatable)")
                    .argument("MCHID:CERT_PEM_FILE")
                    .repeatable(true));
  set.addOption(Option("merchant-refund-notify", "", "where refund results of a --merchant given before it go when "
                       "the refund request has no notify_url (repeatable)")
                    .argument("MCHID:URL")
                    .repeatable(true));
  set.addOption(Option("refund-delay", "", "seconds a refund (v2 and v3) stays PROCESSING before it finishes and is notified "
                       "(default 1; times --time-scale)")
                    .argument("S"));
  set.addOption(Option("secapi-without-tls", "", "over plain HTTP, accept /secapi/ calls without checking a client "
                       "certificate (over HTTPS it is always checked)"));
  set.addOption(Option("wxpay-v3", "", "a WeChat Pay API v3 merchant to accept (repeatable): its public key (PEM or "
                       "certificate file) verifies its requests; the platform private key signs the simulator's "
                       "answers and notifications; the APIv3 key (32 bytes) encrypts their resources")
                    .argument("MCHID:APPID:MCH_SERIAL:MCH_PUBLIC_KEY_FILE:PLATFORM_SERIAL:PLATFORM_PRIVATE_KEY_FILE:APIV3_KEY")
                    .repeatable(true));
  set.addOption(Option("notify-schedule", "",
                       "seconds to wait before each notification attempt; default WeChat's: at once, then "
                       "15s 15s 30s 3m 10m 20m 30m 30m 30m 60m 3h 3h 3h 6h 6h")
                    .argument("S0,S1,..."));
  set.addOption(Option("alipay-app", "", "an Alipay app to accept (repeatable): its RSA2 public key verifies its "
                       "requests; the private key signs the simulator's answers and notifications (PEM files)")
                    .argument("APPID:APP_PUBLIC_KEY_FILE:ALIPAY_PRIVATE_KEY_FILE")
                    .repeatable(true));
  set.addOption(Option("alipay-notify-schedule", "",
                       "seconds to wait before each Alipay notification attempt; default Alipay's: at once, then "
                       "4m 10m 10m 1h 2h 6h 15h")
                    .argument("S0,S1,..."));
  set.addOption(Option("time-scale", "", "multiply every wait by F (tests use 0.001)").argument("F"));
  return set;
}

double parseNonNegative(const std::string& name, const std::string& text) {
  double value = 0;
  if (!Poco::NumberParser::tryParseFloat(text, value) || !(value >= 0)) {
    throw Poco::Util::InvalidArgumentException("--" + name + " wants a non-negative number, not '" + text + "'");
  }
  return value;
}

void apply(SimConfig& config, const std::string& name, const std::string& value) {
  if (name == "tls-cert") {
    config.tlsCertificate = value;
  } else if (name == "tls-key") {
    config.tlsPrivateKey = value;
  } else if (name == "host") {
    config.host = value;
  } else if (name == "port") {
    int port = -1;
    if (!Poco::NumberParser::tryParse(value, port) || port < 0 || port > 65535) {
      throw Poco::Util::InvalidArgumentException("--port wants 0..65535, not '" + value + "'");
    }
    config.port = port;
  } else if (name == "threads") {
    int threads = 0;
    if (!Poco::NumberParser::tryParse(value, threads) || threads < 1 || threads > 1024) {
      throw Poco::Util::InvalidArgumentException("--threads wants 1..1024, not '" + value + "'");
    }
    config.threads = threads;
  } else if (name == "merchant") {
    const auto merchant = paynext::tools::gatewaysim::parseMerchant(value);
    if (!merchant) throw Poco::Util::InvalidArgumentException("--merchant wants MCHID:APPID:APIKEY");
    config.merchants[merchant->mchId] = *merchant;
  } else if (name == "merchant-cert" || name == "merchant-refund-notify") {
    const auto colon = value.find(':');
    const auto merchant = config.merchants.find(value.substr(0, colon));
    if (colon == std::string::npos || colon + 1 == value.size() || merchant == config.merchants.end()) {
      throw Poco::Util::InvalidArgumentException("--" + name + " wants MCHID:... of a --merchant given before it");
    }
    if (name == "merchant-cert") {
      merchant->second.apiCertFingerprint = paynext::tools::gatewaysim::certificateFileFingerprint(value.substr(colon + 1));
    } else {
      merchant->second.refundNotifyUrl = value.substr(colon + 1);
    }
  } else if (name == "refund-delay") {
    config.refundDelaySeconds = parseNonNegative(name, value);
  } else if (name == "secapi-without-tls") {
    config.secapiWithoutTls = true;
  } else if (name == "wxpay-v3") {
    auto merchant = paynext::tools::gatewaysim::parseV3Merchant(value);
    const std::string mchId = merchant.mchId;
    config.v3Merchants.insert_or_assign(mchId, std::move(merchant));
  } else if (name == "notify-schedule") {
    config.notifySchedule.clear();
    Poco::StringTokenizer parts(value, ",", Poco::StringTokenizer::TOK_TRIM);
    for (const auto& part : parts) config.notifySchedule.push_back(parseNonNegative(name, part));
  } else if (name == "alipay-app") {
    auto app = paynext::tools::gatewaysim::parseAlipayApp(value);
    const std::string appId = app.appId;
    config.alipayApps.insert_or_assign(appId, std::move(app));
  } else if (name == "alipay-notify-schedule") {
    config.alipayNotifySchedule.clear();
    Poco::StringTokenizer parts(value, ",", Poco::StringTokenizer::TOK_TRIM);
    for (const auto& part : parts) config.alipayNotifySchedule.push_back(parseNonNegative(name, part));
  } else if (name == "time-scale") {
    config.timeScale = parseNonNegative(name, value);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const sigset_t signals = paynext::core::blockTerminationSignals();

  const Poco::Util::OptionSet set = options();
  SimConfig config;
  std::string portFile;
  try {
    Poco::Util::OptionProcessor processor(set);
    processor.setUnixStyle(true);
    for (int i = 1; i < argc; ++i) {
      std::string name, value;
      if (!processor.process(argv[i], name, value)) {
        throw Poco::Util::UnknownOptionException(argv[i]);
      }
      if (name == "help") {
        Poco::Util::HelpFormatter help(set);
        help.setUnixStyle(true);
        help.setCommand("gatewaysim");
        help.setWidth(100);
        help.setUsage("--merchant=MCHID:APPID:APIKEY | --wxpay-v3=MCHID:APPID:... | --alipay-app=APPID:PUBKEY:PRIVKEY "
                      "[options]");
        help.setHeader(
            "A local WeChat Pay v2 gateway (unifiedorder, orderquery, closeorder, refund over mutual TLS, refundquery, "
            "signed pay notifications, encrypted refund notifications), WeChat Pay API v3 "
            "(/v3/pay/transactions/jsapi|app, the out-trade-no query, encrypted signed notifications) and Alipay "
            "gateway (gateway.do alipay.trade.query, /sim/alipay/pay, RSA2-signed notifications).");
        help.format(std::cout);
        return 0;
      }
      if (name == "port-file") portFile = value;
      apply(config, name, value);
    }
    processor.checkRequired();
    if (config.merchants.empty() && config.v3Merchants.empty() && config.alipayApps.empty()) {
      throw Poco::Util::MissingOptionException("at least one --merchant, --wxpay-v3 or --alipay-app is needed");
    }
  } catch (const Poco::Exception& e) {
    std::cerr << "gatewaysim: " << e.displayText() << "\n(try --help)\n";
    return 2;
  }

  paynext::core::logToConsole();
  Poco::Logger& log = Poco::Logger::get("gatewaysim");
  try {
    paynext::tools::gatewaysim::SimServer server(config);
    server.start();
    if (!portFile.empty()) paynext::core::writePortFile(portFile, server.port());
    log.information("signal %d: shutting down", paynext::core::waitForTermination(signals));
    server.stop();
  } catch (const Poco::Exception& e) {
    log.fatal("gatewaysim failed: %s", e.displayText());
    return 1;
  } catch (const std::exception& e) {
    log.fatal("gatewaysim failed: %s", std::string(e.what()));
    return 1;
  }
  return 0;
}
