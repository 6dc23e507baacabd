#include "pay_request.h"

#include <algorithm>
#include <string>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::knowledge {

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  PayRequest r;
  r.ids = sdk::params::requireIdList(params, "id");
  if (r.ids.size() > kMaxPurchases) {
    throw sdk::ParamError("id", "参数 id 最多包含 " + std::to_string(kMaxPurchases) + " 个订单");
  }
  for (auto it = r.ids.begin(); it != r.ids.end(); ++it) {
    if (std::find(r.ids.begin(), it, *it) != it) {
      throw sdk::ParamError("id", "参数 id 中订单 " + std::to_string(*it) + " 重复");
    }
  }
  return r;
}

}  // namespace paynext::plugins::knowledge
