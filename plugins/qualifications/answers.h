#pragma once
#include <string>

#include <Poco/Dynamic/Var.h>

#include "paynext/sdk/route.h"

namespace paynext::plugins::qualifications {

// A route's answer with data.
sdk::RouteResponse ok(Poco::Dynamic::Var data);
// The API工厂 answer to an empty list (700), which its client reads as "nothing yet".
sdk::RouteResponse noData(const std::string& msg = "暂无数据");

}  // namespace paynext::plugins::qualifications
