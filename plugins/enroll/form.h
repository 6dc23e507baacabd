#pragma once
#include <map>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace paynext::plugins::enroll {

// One field of a project's application form (报名表), e.g. {"name":"姓名","required":true}.
struct FormField {
  std::string name;   // the key of the answer
  std::string label;  // what the form shows; the name when not given
  bool required = false;
};

// A user's answers, field name -> text.
using Answers = std::map<std::string, std::string>;

// The form's fields as an admin sends them in param `name`: a JSON array, or
// a string holding one. Throws sdk::ParamError naming the field.
std::vector<FormField> fieldsFromParam(const Poco::JSON::Object& params, const std::string& name);

// The answers in param `name` (a JSON object, or a string holding one), checked
// against the form: every required field answered, no field the form lacks.
// Throws sdk::ParamError naming the param and the form's field.
Answers answersFromParam(const Poco::JSON::Object& params, const std::string& name,
                         const std::vector<FormField>& fields);

// Stored as JSON text, shown as JSON.
std::string fieldsText(const std::vector<FormField>& fields);
std::vector<FormField> fieldsOfText(const std::string& text);
Poco::JSON::Array::Ptr fieldsJson(const std::vector<FormField>& fields);
std::string answersText(const Answers& answers);
Answers answersOfText(const std::string& text);
Poco::JSON::Object::Ptr answersJson(const Answers& answers);

}  // namespace paynext::plugins::enroll
