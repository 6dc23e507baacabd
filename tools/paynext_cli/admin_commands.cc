#include <fstream>
#include <sstream>
#include "tools/paynext_cli/admin_commands.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include "tools/paynext_cli/admin_client.h"
#include "tools/paynext_cli/cli_errors.h"
#include "tools/paynext_cli/password_input.h"
#include "tools/paynext_cli/table.h"
#include "tools/paynext_cli/token_file.h"
#include "paynext/sdk/money.h"

namespace paynext::cli {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// A table column: its header and how a JSON object gives its cell.
struct Column {
  std::string header;
  std::function<std::string(const Object&)> cell;
};

Column field(const std::string& header, const std::string& key) {
  return {header, [key](const Object& o) { return cellText(o.get(key)); }};
}

// Epoch milliseconds as UTC date and time.
std::string timeText(const Var& v) {
  if (v.isEmpty() || !v.isNumeric()) return cellText(v);
  return Poco::DateTimeFormatter::format(Poco::Timestamp(v.convert<Poco::Int64>() * 1000), "%Y-%m-%d %H:%M:%S");
}

Column timeField(const std::string& header, const std::string& key) {
  return {header, [key](const Object& o) { return timeText(o.get(key)); }};
}

// A module's action type codes, e.g. "900,901".
Column typeCodes(const std::string& header) {
  return {header, [](const Object& o) {
            std::string codes;
            auto types = o.getArray("actionTypes");
            for (std::size_t i = 0; types && i < types->size(); ++i) {
              codes += (codes.empty() ? "" : ",") + cellText(types->getObject(i)->get("code"));
            }
            return codes.empty() ? std::string("-") : codes;
          }};
}

// One row per object of an array, or one row for a single object.
Table objectsTable(const Var& json, const std::vector<Column>& columns) {
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  Table table(header);
  auto addRow = [&](const Object::Ptr& o) {
    std::vector<std::string> row;
    for (const auto& c : columns) row.push_back(c.cell(*o));
    table.addRow(row);
  };
  if (json.type() == typeid(Array::Ptr)) {
    auto list = json.extract<Array::Ptr>();
    for (std::size_t i = 0; i < list->size(); ++i) addRow(list->getObject(i));
  } else if (json.type() == typeid(Object::Ptr)) {
    addRow(json.extract<Object::Ptr>());
  }
  return table;
}

bool isNested(const Var& v) { return v.type() == typeid(Array::Ptr) || v.type() == typeid(Object::Ptr); }

// An object's members as FIELD VALUE rows; members that are arrays or objects
// are left to tables of their own.
Table fieldsTable(const Object& o, const std::string& keyHeader = "FIELD", const std::string& valueHeader = "VALUE") {
  Table table({keyHeader, valueHeader});
  std::vector<std::string> names;
  o.getNames(names);
  for (const auto& name : names) {
    if (!isNested(o.get(name))) table.addRow({name, cellText(o.get(name))});
  }
  return table;
}

// path?name=value&... for the values given.
std::string withQuery(std::string path, const std::vector<std::pair<std::string, std::string>>& params) {
  char separator = '?';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    path += separator + name + "=" + encodeSegment(value);
    separator = '&';
  }
  return path;
}

std::string jsonText(const Var& json) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(json, out);
  return out.str();
}

const std::vector<Column>& factoryColumns() {
  static const std::vector<Column> columns{field("ID", "id"), field("NAME", "name"), field("TITLE", "title"),
                                           field("ENABLED", "enabled")};
  return columns;
}

// The operands and output of the command being run.
struct Invocation {
  const CliOptions& options;
  const AdminClient* client;  // null for a command that needs no server
  std::ostream& out;
  std::vector<std::string> operands;
  std::string tokenFile;  // where login keeps the token, empty when unknown

  const std::string& operator[](std::size_t i) const { return operands[i]; }
  std::string call(const std::string& method, const std::string& path, const std::string& body = "") const {
    return client->call(method, path, body);
  }
  std::string factoryPath() const { return "/factories/" + encodeSegment(operands[0]); }

  // The body as is with --json, else the table render makes of it.
  void show(const std::string& body, const std::function<void(const Var&)>& render) const {
    if (options.json) {
      if (!body.empty()) out << body << '\n';
      return;
    }
    render(body.empty() ? Var() : Poco::JSON::Parser().parse(body));
  }
  void showTable(const std::string& body, const std::vector<Column>& columns) const {
    show(body, [&](const Var& json) { objectsTable(json, columns).print(out); });
  }
};

// A refund as the admin API gives it, money in fen like every other table.
const std::vector<Column>& refundColumns() {
  static const std::vector<Column> columns{
      field("REFUND NO", "refundNo"), field("AMOUNT(FEN)", "amount"), field("POINTS", "points"),
      field("STATUS", "status"),      field("REASON", "reason"),      field("FAILURE", "failure"),
      field("ACTOR", "actor"),        timeField("CREATED (UTC)", "createdAt")};
  return columns;
}

void showPayment(const Invocation& in, const std::string& body) {
  in.show(body, [&](const Var& json) {
    auto payment = json.extract<Object::Ptr>();
    fieldsTable(*payment).print(in.out);
    for (const char* list : {"notifications", "ledger"}) {
      auto items = payment->getArray(list);
      in.out << list << ": " << (items ? items->size() : 0) << '\n';
    }
    in.out << '\n';
    objectsTable(payment->get("steps"), {field("SEQ", "seq"), field("TYPE", "type"), field("MODULE", "module"),
                                         field("STATUS", "status"), field("ATTEMPTS", "attempts"),
                                         field("LAST ERROR", "lastError")})
        .print(in.out);
    auto refunds = payment->getArray("refunds");
    if (refunds && refunds->size() > 0) {
      in.out << '\n';
      objectsTable(refunds, refundColumns()).print(in.out);
    }
  });
}

// A value as given, or the contents of FILE for "@FILE" (PEM keys and
// certificates do not fit on a command line).
std::string channelValue(const std::string& value) {
  if (value.empty() || value[0] != '@') return value;
  std::ifstream in(value.substr(1), std::ios::binary);
  if (!in) throw UsageError("cannot read " + value.substr(1));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One of WeChat Pay v3's platform keys: "[SERIAL:]@FILE" with a certificate
// (its serial is read from it) or a public key with its serial.
Object::Ptr platformKey(const std::string& value) {
  Object::Ptr key = new Object;
  const auto at = value.find('@');
  if (at != std::string::npos && at > 0 && value[at - 1] == ':') key->set("serialNo", value.substr(0, at - 1));
  key->set("publicKey", channelValue(at == std::string::npos ? value : value.substr(at)));
  return key;
}

// The body of PUT .../channels/{channel} from key=value operands; a value
// "@FILE" is the file's contents; platformKey may repeat.
std::string channelBody(const std::string& channel, const std::vector<std::string>& pairs) {
  static const std::map<std::string, std::set<std::string>> kKeys{
      {"wxpay",
       {"appId", "mchId", "apiKey", "signType", "gatewayUrl", "apiVersion", "mchSerialNo", "mchPrivateKey", "apiV3Key",
        "platformKey"}},
      {"alipay", {"appId", "privateKey", "alipayPublicKey", "gatewayUrl"}}};
  auto keys = kKeys.find(channel);
  if (keys == kKeys.end()) throw UsageError("unknown channel " + channel + " (wxpay or alipay)");
  Object body;
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    const std::string key = pair.substr(0, eq);
    if (eq == std::string::npos || !keys->second.count(key)) {
      std::string known;
      for (const auto& k : keys->second) known += " " + k;
      throw UsageError("expected key=value with a key of" + known + ", got " + pair);
    }
    if (key == "platformKey") {
      if (!body.has("platformKeys")) body.set("platformKeys", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
      body.getArray("platformKeys")->add(platformKey(pair.substr(eq + 1)));
    } else {
      body.set(key, channelValue(pair.substr(eq + 1)));
    }
  }
  return jsonText(body);
}

// PUT {"enabled":...} to a factory or one of its modules; shows the answer.
void setEnabled(const Invocation& in, const std::string& path, bool enabled, const std::vector<Column>& columns) {
  Object body;
  body.set("enabled", enabled);
  in.showTable(in.call("PUT", path, jsonText(body)), columns);
}

void moduleSet(const Invocation& in, bool enabled) {
  setEnabled(in, in.factoryPath() + "/modules/" + encodeSegment(in[1]), enabled,
             {field("MODULE", "module"), field("TITLE", "title"), field("ENABLED", "enabled")});
}

void factorySet(const Invocation& in, bool enabled) { setEnabled(in, in.factoryPath(), enabled, factoryColumns()); }

// POST .../payments/{id}/{action} (retry, close); shows the payment after it.
void paymentAction(const Invocation& in, const std::string& action) {
  showPayment(in, in.call("POST", in.factoryPath() + "/payments/" + encodeSegment(in[1]) + "/" + action));
}

void showFactory(const Invocation& in) {
  in.show(in.call("GET", in.factoryPath()), [&](const Var& json) {
    auto factory = json.extract<Object::Ptr>();
    fieldsTable(*factory).print(in.out);
    in.out << '\n';
    fieldsTable(*factory->getObject("modules"), "MODULE", "ENABLED").print(in.out);
  });
}

// One row per setting of each channel; keys are write-only, shown as set/unset.
void showChannels(const Invocation& in) {
  in.show(in.call("GET", in.factoryPath() + "/channels"), [&](const Var& json) {
    auto channels = json.extract<Object::Ptr>();
    Table table({"CHANNEL", "FIELD", "VALUE"});
    for (const char* name : {"wxpay", "alipay"}) {
      auto settings = channels->getObject(name);
      if (!settings) {
        table.addRow({name, "-", "(not set)"});
        continue;
      }
      std::vector<std::string> fields;
      settings->getNames(fields);
      for (const auto& f : fields) table.addRow({name, f, cellText(settings->get(f))});
    }
    table.print(in.out);
  });
}

void showAudit(const Invocation& in) {
  const std::string factory = in.operands.empty() ? "" : in[0];
  in.showTable(in.call("GET", withQuery("/audit", {{"factory", factory}, {"limit", in.options.option("limit")}})),
               {field("ID", "id"), timeField("AT (UTC)", "at"), field("ACTOR", "actor"), field("ACTION", "action"),
                field("TARGET", "target"), field("BEFORE", "before"), field("AFTER", "after")});
}

// The loaded modules, then the files refused at start-up with the loader's reason.
void showPlugins(const Invocation& in) {
  in.show(in.call("GET", "/plugins"), [&](const Var& json) {
    auto plugins = json.extract<Object::Ptr>();
    objectsTable(plugins->get("modules"), {field("NAME", "name"), field("TITLE", "title"),
                                           field("VERSION", "version"), typeCodes("ACTION TYPES"),
                                           field("FILE", "file")})
        .print(in.out);
    auto refused = plugins->getArray("refused");
    if (!refused || refused->size() == 0) return;
    in.out << '\n';
    objectsTable(refused, {field("REFUSED FILE", "file"), field("REASON", "reason")}).print(in.out);
  });
}

std::string requireTokenFile(const Invocation& in) {
  if (in.tokenFile.empty()) throw UsageError("no place for the token: HOME is not set, give --token-file=FILE");
  return in.tokenFile;
}

std::string requireOption(const Invocation& in, const std::string& name) {
  if (in.options.option(name).empty()) throw UsageError("--" + name + " is needed");
  return in.options.option(name);
}

// POST /login; the token goes to the token file, never to the output.
void login(const Invocation& in) {
  const std::string user = requireOption(in, "user");
  const std::string file = requireTokenFile(in);
  Object request;
  request.set("username", user);
  request.set("password", readPassword(in.options.has("password-stdin"), "Password for " + user + ": "));
  auto answer = Poco::JSON::Parser().parse(in.call("POST", "/login", jsonText(request))).extract<Object::Ptr>();
  saveToken(file, answer->getValue<std::string>("token"));
  Object summary;
  summary.set("username", user);
  summary.set("tokenFile", file);
  summary.set("expiresAt", answer->get("expiresAt"));
  if (in.options.json) {
    in.out << jsonText(summary) << '\n';
  } else {
    in.out << "logged in as " << user << ", token saved in " << file << " until "
           << timeText(answer->get("expiresAt")) << " UTC\n";
  }
}

void logout(const Invocation& in) {
  const std::string file = requireTokenFile(in);
  in.out << (removeToken(file) ? "logged out, removed " : "not logged in, no ") << file << '\n';
}

// POST /admins: a platform admin, or a factory admin of --factory.
void createAdmin(const Invocation& in) {
  const std::string user = requireOption(in, "user");
  const std::string role = requireOption(in, "role");
  if (role != "platform" && role != "factory") throw UsageError("--role is platform or factory, got " + role);
  if ((role == "factory") != in.options.has("factory")) {
    throw UsageError("--factory=NAME goes with --role=factory, and only with it");
  }
  Object body;
  body.set("username", user);
  body.set("password", readPassword(in.options.has("password-stdin"), "Password for the new admin " + user + ": "));
  body.set("role", role);
  if (role == "factory") body.set("factory", in.options.option("factory"));
  in.showTable(in.call("POST", "/admins", jsonText(body)), {field("ID", "id"), field("USERNAME", "username"),
                                                            field("ROLE", "role"), field("FACTORY ID", "factoryId")});
}

// GET .../users/{id}: the user and wallet as FIELD VALUE rows (money in fen),
// then the newest ledger entries.
void showUser(const Invocation& in) {
  const std::string path =
      withQuery(in.factoryPath() + "/users/" + encodeSegment(in[1]), {{"limit", in.options.option("limit")}});
  in.show(in.call("GET", path), [&](const Var& json) {
    auto user = json.extract<Object::Ptr>();
    auto wallet = user->getObject("wallet");
    Table table({"FIELD", "VALUE"});
    table.addRow({"id", cellText(user->get("id"))});
    table.addRow({"mobile", cellText(user->get("mobile"))});
    table.addRow({"nick", cellText(user->get("nick"))});
    table.addRow({"created (UTC)", timeText(user->get("createdAt"))});
    if (wallet) {
      table.addRow({"balance (fen)", cellText(wallet->get("balance"))});
      table.addRow({"frozen (fen)", cellText(wallet->get("frozen"))});
      table.addRow({"points", cellText(wallet->get("points"))});
      table.addRow({"totalConsumed (fen)", cellText(wallet->get("totalConsumed"))});
    }
    table.print(in.out);
    in.out << '\n';
    objectsTable(user->get("ledger"), {field("ID", "id"), timeField("AT (UTC)", "createdAt"),
                                       field("CURRENCY", "currency"), field("AMOUNT", "amount"),
                                       field("AFTER", "balanceAfter"), field("REASON", "reason"),
                                       field("REFERENCE", "reference")})
        .print(in.out);
  });
}

// POST .../users/{id}/adjustments from --balance=±YUAN, --points=±N and
// --reason; the server checks the amounts, so its words reach the admin.
void adjustUser(const Invocation& in) {
  const std::string reason = requireOption(in, "reason");
  if (!in.options.has("balance") && !in.options.has("points")) {
    throw UsageError("--balance=+YUAN|-YUAN or --points=+N|-N is needed");
  }
  Object body;
  if (in.options.has("balance")) body.set("balance", in.options.option("balance"));
  if (in.options.has("points")) body.set("points", in.options.option("points"));
  body.set("reason", reason);
  auto walletField = [](const std::string& header, const std::string& key) {
    return Column{header, [key](const Object& o) {
                    auto wallet = o.getObject("wallet");
                    return wallet ? cellText(wallet->get(key)) : std::string("-");
                  }};
  };
  in.showTable(in.call("POST", in.factoryPath() + "/users/" + encodeSegment(in[1]) + "/adjustments", jsonText(body)),
               {field("ID", "id"), field("USER", "userId"), field("BALANCE(FEN)", "balance"),
                field("POINTS", "points"), walletField("NOW BALANCE(FEN)", "balance"),
                walletField("NOW POINTS", "points"), field("REFERENCE", "reference")});
}

// POST .../payments/{id}/refunds: AMOUNT_YUAN converted exactly to fen (the
// API takes fen), checked here so a typo never reaches the server.
void refundPayment(const Invocation& in) {
  const auto fen = sdk::parseYuan(in[2]);
  if (!fen) throw UsageError("AMOUNT_YUAN must be yuan with at most two decimals, e.g. 1.00, not " + in[2]);
  const std::string reason = requireOption(in, "reason");
  Object body;
  body.set("amount", *fen);
  if (in.options.has("points")) {
    Poco::Int64 points = 0;
    if (!Poco::NumberParser::tryParse64(in.options.option("points"), points) || points < 0) {
      throw UsageError("--points must be a whole number of points, not " + in.options.option("points"));
    }
    body.set("points", points);
  }
  body.set("reason", reason);
  if (in.options.has("refund-no")) body.set("refundNo", in.options.option("refund-no"));
  in.showTable(in.call("POST", in.factoryPath() + "/payments/" + encodeSegment(in[1]) + "/refunds", jsonText(body)),
               refundColumns());
}

// What a command needs before it runs.
enum class Needs { kNothing, kServer, kToken };

struct Command {
  std::vector<std::string> words;
  std::string operands;  // for the usage text
  std::size_t minOperands, maxOperands;
  std::function<void(const Invocation&)> run;
  std::set<std::string> options = {};  // the command options it takes
  Needs needs = Needs::kToken;
};

constexpr std::size_t kMany = 64;

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {{"factory", "list"}, "", 0, 0,
       [](const Invocation& in) { in.showTable(in.call("GET", "/factories"), factoryColumns()); }},
      {{"factory", "show"}, "NAME", 1, 1, showFactory},
      {{"factory", "enable"}, "NAME", 1, 1, [](const Invocation& in) { factorySet(in, true); }},
      {{"factory", "disable"}, "NAME", 1, 1, [](const Invocation& in) { factorySet(in, false); }},
      {{"factory", "create"}, "NAME TITLE", 2, 2,
       [](const Invocation& in) {
         Object body;
         body.set("name", in[0]);
         body.set("title", in[1]);
         in.showTable(in.call("POST", "/factories", jsonText(body)), factoryColumns());
       }},
      {{"module", "list"}, "FACTORY", 1, 1,
       [](const Invocation& in) {
         in.showTable(in.call("GET", in.factoryPath() + "/modules"),
                      {field("NAME", "name"), field("TITLE", "title"), field("VERSION", "version"),
                       field("ENABLED", "enabled"), typeCodes("ACTION TYPES")});
       }},
      {{"module", "enable"}, "FACTORY MODULE", 2, 2, [](const Invocation& in) { moduleSet(in, true); }},
      {{"module", "disable"}, "FACTORY MODULE", 2, 2, [](const Invocation& in) { moduleSet(in, false); }},
      {{"config", "get"}, "FACTORY [KEY]", 1, 2,
       [](const Invocation& in) {
         const std::string body = in.call("GET", in.factoryPath() + "/config");
         if (in.operands.size() == 1) {
           return in.show(body, [&](const Var& json) { fieldsTable(*json.extract<Object::Ptr>(), "KEY").print(in.out); });
         }
         // The API has no single-key read: pick the key out of the whole set.
         auto all = Poco::JSON::Parser().parse(body).extract<Object::Ptr>();
         if (!all->has(in[1])) throw ApiError("系统参数 " + in[1] + " 不存在", 0);
         if (!in.options.json) {
           in.out << all->getValue<std::string>(in[1]) << '\n';
           return;
         }
         Object one;
         one.set(in[1], all->get(in[1]));
         in.out << jsonText(one) << '\n';
       }},
      {{"config", "set"}, "FACTORY KEY VALUE", 3, 3,
       [](const Invocation& in) {
         Object body;
         body.set("value", in[2]);
         in.showTable(in.call("PUT", in.factoryPath() + "/config/" + encodeSegment(in[1]), jsonText(body)),
                      {field("KEY", "key"), field("VALUE", "value")});
       }},
      {{"config", "delete"}, "FACTORY KEY", 2, 2,
       [](const Invocation& in) { in.call("DELETE", in.factoryPath() + "/config/" + encodeSegment(in[1])); }},
      {{"channel", "show"}, "FACTORY", 1, 1, showChannels},
      {{"channel", "set"}, "FACTORY wxpay|alipay key=value|key=@FILE...", 3, kMany,
       [](const Invocation& in) {
         const std::vector<std::string> pairs(in.operands.begin() + 2, in.operands.end());
         const std::string body = channelBody(in[1], pairs);
         in.show(in.call("PUT", in.factoryPath() + "/channels/" + encodeSegment(in[1]), body),
                 [&](const Var& json) { fieldsTable(*json.extract<Object::Ptr>()).print(in.out); });
       }},
      {{"payment", "list"}, "FACTORY [--status=S]", 1, 1,
       [](const Invocation& in) {
         const std::string path = withQuery(in.factoryPath() + "/payments", {{"status", in.options.option("status")}});
         in.showTable(in.call("GET", path),
                      {field("OUT TRADE ID", "outTradeId"), field("USER", "userId"), field("CHANNEL", "channel"),
                       field("AMOUNT(FEN)", "amount"), field("STATUS", "status"),
                       timeField("CREATED (UTC)", "createdAt"), timeField("PAID (UTC)", "paidAt")});
       },
       {"status"}},
      {{"payment", "show"}, "FACTORY OUT_TRADE_ID", 2, 2,
       [](const Invocation& in) {
         showPayment(in, in.call("GET", in.factoryPath() + "/payments/" + encodeSegment(in[1])));
       }},
      {{"payment", "retry"}, "FACTORY OUT_TRADE_ID", 2, 2, [](const Invocation& in) { paymentAction(in, "retry"); }},
      {{"payment", "close"}, "FACTORY OUT_TRADE_ID", 2, 2, [](const Invocation& in) { paymentAction(in, "close"); }},
      {{"payment", "refund"}, "FACTORY OUT_TRADE_ID AMOUNT_YUAN --reason=TEXT [--points=N] [--refund-no=NO]", 3, 3,
       refundPayment, {"reason", "points", "refund-no"}},
      {{"user", "list"}, "FACTORY [--mobile=M]", 1, 1,
       [](const Invocation& in) {
         in.showTable(in.call("GET", withQuery(in.factoryPath() + "/users", {{"mobile", in.options.option("mobile")}})),
                      {field("ID", "id"), field("MOBILE", "mobile"), field("NICK", "nick"),
                       field("BALANCE(FEN)", "balance"), field("FROZEN(FEN)", "frozen"), field("POINTS", "points"),
                       timeField("CREATED (UTC)", "createdAt")});
       },
       {"mobile"}},
      {{"user", "show"}, "FACTORY USER_ID [--limit=N]", 2, 2, showUser, {"limit"}},
      {{"user", "adjust"}, "FACTORY USER_ID [--balance=+YUAN|-YUAN] [--points=+N|-N] --reason=TEXT", 2, 2, adjustUser,
       {"balance", "points", "reason"}},
      {{"audit"}, "[FACTORY] [--limit=N]", 0, 1, showAudit, {"limit"}},
      {{"plugins"}, "", 0, 0, showPlugins},
      {{"login"}, "--user=NAME [--password-stdin]", 0, 0, login, {"user", "password-stdin"}, Needs::kServer},
      {{"logout"}, "", 0, 0, logout, {}, Needs::kNothing},
      {{"admin", "list"}, "[FACTORY]", 0, 1,
       [](const Invocation& in) {
         const std::string factory = in.operands.empty() ? "" : in[0];
         in.showTable(in.call("GET", withQuery("/admins", {{"factory", factory}})),
                      {field("ID", "id"), field("USERNAME", "username"), field("ROLE", "role"),
                       field("FACTORY ID", "factoryId")});
       }},
      {{"admin", "create"}, "--user=NAME --role=platform|factory [--factory=F] [--password-stdin]", 0, 0, createAdmin,
       {"user", "role", "factory", "password-stdin"}},
  };
  return table;
}

std::string spelling(const Command& c) {
  std::string text = Poco::cat(std::string(" "), c.words.begin(), c.words.end());
  return c.operands.empty() ? text : text + " " + c.operands;
}

}  // namespace

std::string adminCommandSummary() {
  std::string text;
  for (const auto& c : commands()) text += "  " + spelling(c) + "\n";
  return text;
}

namespace {

// The first command option given that command does not take, if any.
void checkCommandOptions(const CliOptions& options, const Command& command) {
  for (const auto& [name, value] : options.commandOptions) {
    if (command.options.count(name)) continue;
    std::string takers;
    for (const auto& c : commands()) {
      if (c.options.count(name)) takers += (takers.empty() ? "" : ", ") + Poco::cat(std::string(" "), c.words.begin(), c.words.end());
    }
    throw UsageError("--" + name + " applies to " + takers + " only");
  }
}

// --token, PAYNEXT_TOKEN, or the one login saved.
std::string resolveToken(const CliOptions& options, const std::string& tokenFile) {
  if (!options.token.empty()) return options.token;
  if (auto saved = tokenFile.empty() ? std::nullopt : loadToken(tokenFile)) return *saved;
  throw UsageError("an admin token is needed: paynext login --user=NAME, --token=TOKEN or PAYNEXT_TOKEN");
}

}  // namespace

void runAdminCommand(const CliOptions& options, std::ostream& out) {
  const auto& args = options.args;
  if (args.empty()) throw UsageError("no command given");
  for (const auto& command : commands()) {
    const auto& words = command.words;
    if (args.size() < words.size() || !std::equal(words.begin(), words.end(), args.begin())) continue;
    const std::size_t operands = args.size() - words.size();
    if (operands < command.minOperands || operands > command.maxOperands) {
      throw UsageError("usage: paynext " + spelling(command));
    }
    checkCommandOptions(options, command);
    const std::string tokenFile = tokenFilePath(options.tokenFile);
    Invocation in{options, nullptr, out, {args.begin() + words.size(), args.end()}, tokenFile};
    if (command.needs == Needs::kNothing) return command.run(in);
    // Checked after the command, so a typo is reported as such first.
    const std::string token = command.needs == Needs::kToken ? resolveToken(options, tokenFile) : "";
    AdminClient client(options.url, token, options.caFile);
    in.client = &client;
    try {
      return command.run(in);
    } catch (const ApiError& e) {
      if (e.status() != 401 || command.needs != Needs::kToken || !options.token.empty()) throw;
      throw ApiError(std::string(e.what()) + "; the saved token may have expired: paynext login --user=NAME", 401);
    }
  }
  throw UsageError("unknown command: " + Poco::cat(std::string(" "), args.begin(), args.end()));
}

}  // namespace paynext::cli
