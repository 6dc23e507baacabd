#include "core/actions/config_refs.h"

#include <algorithm>
#include <functional>

#include <Poco/JSON/Array.h>

namespace paynext::core::actions {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// Called for each reference with its key and the path of the value it replaces.
using OnReference = std::function<Var(const std::string& key, const std::string& path)>;

const Object* asObject(const Var& value) {
  if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>().get();
  if (value.type() == typeid(Object)) return &value.extract<Object>();
  return nullptr;
}

const Array* asArray(const Var& value) {
  if (value.type() == typeid(Array::Ptr)) return value.extract<Array::Ptr>().get();
  if (value.type() == typeid(Array)) return &value.extract<Array>();
  return nullptr;
}

bool isReference(const Object& object) {
  if (!object.has("from")) return false;
  const Var from = object.get("from");
  return from.isString() && from.extract<std::string>() == "config";
}

// The key of a {from:"config", key:"K"} reference; anything more or less is a
// mistake the client should hear about rather than have dropped.
std::string referenceKey(const Object& reference, const std::string& path) {
  const std::string prefix = "参数 " + path + " 的系统参数引用";
  const Var key = reference.has("key") ? reference.get("key") : Var();
  if (!key.isString() || key.extract<std::string>().empty()) {
    throw NextActionError(prefix + " key 必须是非空字符串", path);
  }
  if (reference.size() != 2) throw NextActionError(prefix + "只能有 from 和 key", path);
  return key.extract<std::string>();
}

Object::Ptr copyObject(const Object& object, const std::string& path, const OnReference& onReference);

// A deep copy of value in which each reference is what onReference returns.
Var copyValue(const Var& value, const std::string& path, const OnReference& onReference) {
  if (const Object* object = asObject(value)) {
    if (isReference(*object)) return onReference(referenceKey(*object, path), path);
    return copyObject(*object, path, onReference);
  }
  if (const Array* array = asArray(value)) {
    Array::Ptr copy = new Array;
    for (std::size_t i = 0; i < array->size(); ++i) {
      copy->add(copyValue(array->get(static_cast<unsigned>(i)), path + "[" + std::to_string(i) + "]", onReference));
    }
    return copy;
  }
  return value;
}

Object::Ptr copyObject(const Object& object, const std::string& path, const OnReference& onReference) {
  Object::Ptr copy = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& name : object.getNames()) {
    copy->set(name, copyValue(object.get(name), path.empty() ? name : path + "." + name, onReference));
  }
  return copy;
}

}  // namespace

std::vector<std::string> collectConfigKeys(const Object::Ptr& params) {
  std::vector<std::string> keys;
  if (!params) return keys;
  copyObject(*params, "", [&keys](const std::string& key, const std::string&) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    return Var();
  });
  return keys;
}

Object::Ptr resolveConfigRefs(const Object::Ptr& params, const sdk::SystemParams& config) {
  if (!params) return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  return copyObject(*params, "", [&config](const std::string& key, const std::string& path) {
    const auto value = config.get(key);
    if (!value) throw MissingConfigKey(key, path);
    return Var(*value);
  });
}

}  // namespace paynext::core::actions
