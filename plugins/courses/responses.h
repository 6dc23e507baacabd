#pragma once
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/route.h"

namespace paynext::plugins::courses {

inline sdk::RouteResponse ok(Poco::Dynamic::Var data) { return sdk::RouteResponse{sdk::codes::kOk, "success", data}; }

// API工厂 answers an empty mobile list with 700, which its client treats as "nothing yet".
inline sdk::RouteResponse listOrNoData(const Poco::JSON::Array::Ptr& list) {
  if (list->size() == 0) return sdk::RouteResponse{sdk::codes::kNoData, "暂无数据", {}};
  return ok(list);
}

}  // namespace paynext::plugins::courses
