#include "form.h"

#include <algorithm>
#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::enroll {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxFields = 30;
constexpr std::size_t kMaxNameBytes = 50;
constexpr std::size_t kMaxLabelBytes = 100;
constexpr std::size_t kMaxAnswerBytes = 1000;

// The param as parsed JSON: mobile clients and forms send JSON as a string.
Poco::Dynamic::Var jsonParam(const Poco::JSON::Object& params, const std::string& name, const std::string& expected) {
  Poco::Dynamic::Var v = params.get(name);
  if (!v.isString()) return v;
  try {
    return Poco::JSON::Parser().parse(v.extract<std::string>());
  } catch (const Poco::Exception&) {
    throw p::invalid(name, expected);
  }
}

std::string stringify(const Poco::Dynamic::Var& json) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(json, out);
  return out.str();
}

std::string labelled(const FormField& f) { return f.label == f.name ? f.name : f.name + "(" + f.label + ")"; }

}  // namespace

std::vector<FormField> fieldsFromParam(const Poco::JSON::Object& params, const std::string& name) {
  const std::string expected = "报名表字段的数组,如 [{\"name\":\"姓名\",\"required\":true}]";
  if (!p::has(params, name)) throw p::missing(name);
  const Poco::Dynamic::Var v = jsonParam(params, name, expected);
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) throw p::invalid(name, expected);
  const auto array = v.extract<Poco::JSON::Array::Ptr>();
  if (array->size() > kMaxFields) {
    throw sdk::ParamError(name, "参数 " + name + " 最多 " + std::to_string(kMaxFields) + " 个字段");
  }
  std::vector<FormField> fields;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string item = "参数 " + name + " 第 " + std::to_string(i + 1) + " 项";
    const auto object = array->getObject(static_cast<unsigned>(i));
    if (!object) throw sdk::ParamError(name, item + "应为对象");
    FormField f;
    try {
      f.name = p::optionalString(*object, "name").value_or("");
      f.label = p::optionalString(*object, "label").value_or(f.name);
      f.required = p::optionalBool(*object, "required").value_or(false);
    } catch (const sdk::ParamError& e) {
      throw sdk::ParamError(name, item + ":" + e.what());
    }
    if (f.name.empty()) throw sdk::ParamError(name, item + "缺少 name");
    if (f.label.empty()) f.label = f.name;
    if (f.name.size() > kMaxNameBytes || f.label.size() > kMaxLabelBytes) {
      throw sdk::ParamError(name, item + "的 name 不能超过 " + std::to_string(kMaxNameBytes) + " 字节,label 不能超过 " +
                                      std::to_string(kMaxLabelBytes) + " 字节");
    }
    const auto same = [&](const FormField& g) { return g.name == f.name; };
    if (std::any_of(fields.begin(), fields.end(), same)) {
      throw sdk::ParamError(name, "参数 " + name + " 中字段 " + f.name + " 重复");
    }
    fields.push_back(f);
  }
  return fields;
}

Answers answersFromParam(const Poco::JSON::Object& params, const std::string& name,
                         const std::vector<FormField>& fields) {
  Answers answers;
  if (p::has(params, name)) {
    const Poco::Dynamic::Var v = jsonParam(params, name, "JSON 对象,如 {\"姓名\":\"张三\"}");
    if (v.type() != typeid(Poco::JSON::Object::Ptr)) throw p::invalid(name, "JSON 对象,如 {\"姓名\":\"张三\"}");
    const auto object = v.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *object) {
      const auto field = std::find_if(fields.begin(), fields.end(), [&](const FormField& f) { return f.name == key; });
      if (field == fields.end()) throw sdk::ParamError(name, "参数 " + name + " 中的 " + key + " 不是报名表中的字段");
      if (value.isEmpty()) continue;
      if (!value.isString() && !(value.isNumeric() && !value.isBoolean())) {
        throw sdk::ParamError(name, "参数 " + name + " 中 " + key + " 的值应为文字或数字");
      }
      const std::string text = value.convert<std::string>();
      if (text.size() > kMaxAnswerBytes) {
        throw sdk::ParamError(
            name, "参数 " + name + " 中 " + key + " 的值不能超过 " + std::to_string(kMaxAnswerBytes) + " 字节");
      }
      if (!text.empty()) answers[key] = text;
    }
  }
  for (const auto& f : fields) {
    if (f.required && !answers.count(f.name)) {
      throw sdk::ParamError(name, "参数 " + name + " 缺少必填项 " + labelled(f));
    }
  }
  return answers;
}

Poco::JSON::Array::Ptr fieldsJson(const std::vector<FormField>& fields) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& f : fields) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", f.name);
    o->set("label", f.label);
    o->set("required", f.required);
    array->add(o);
  }
  return array;
}

std::string fieldsText(const std::vector<FormField>& fields) { return stringify(fieldsJson(fields)); }

std::vector<FormField> fieldsOfText(const std::string& text) {
  // Written by fieldsText only, so it parses as that wrote it.
  const auto array = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Array::Ptr>();
  std::vector<FormField> fields;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto o = array->getObject(static_cast<unsigned>(i));
    fields.push_back(
        {o->getValue<std::string>("name"), o->getValue<std::string>("label"), o->getValue<bool>("required")});
  }
  return fields;
}

Poco::JSON::Object::Ptr answersJson(const Answers& answers) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  for (const auto& [key, value] : answers) o->set(key, value);
  return o;
}

std::string answersText(const Answers& answers) { return stringify(answersJson(answers)); }

Answers answersOfText(const std::string& text) {
  Answers answers;
  const auto o = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
  for (const auto& [key, value] : *o) answers[key] = value.convert<std::string>();
  return answers;
}

}  // namespace paynext::plugins::enroll
