// A nextAction sent as a JSON value inside a JSON body: Poco's parser,
// bounded as request bodies are, then flattenChain on an object. Only
// NextActionError may come out of flattenChain.
#include <cstdint>
#include <string>

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "core/actions/chain_spec.h"
#include "core/actions/next_action_error.h"
#include "core/http/request_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace actions = paynext::core::actions;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Poco::JSON::Parser parser;
  parser.setDepth(static_cast<std::size_t>(paynext::core::http::BodyLimits().maxJsonDepth));
  Poco::Dynamic::Var parsed;
  try {
    parsed = parser.parse(text);
  } catch (const Poco::Exception&) {
    return 0;  // the body is refused before any nextAction is read
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) return 0;
  try {
    actions::flattenChain(parsed.extract<Poco::JSON::Object::Ptr>(), actions::NextActionLimits());
  } catch (const actions::NextActionError&) {
  }
  return 0;
}
