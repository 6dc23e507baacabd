#pragma once
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::plugins::errands {

// The optional `status` of a list: "" for every status, else one of the
// task statuses (refused naming the field).
std::string statusFilter(const Poco::JSON::Object& params);

}  // namespace paynext::plugins::errands
