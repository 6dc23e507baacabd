#pragma once
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::deposit {

// The params of nextAction type 5 and of /deposit/pay, checked:
//   {type:5, amount:押金金额, refCode:业务编号, remark:备注, extJsonStr:扩展属性的JSON格式数据}
// amount is yuan and must be above 0; extJsonStr is a JSON object or a string
// of JSON, which must parse.
struct DepositRequest {
  sdk::Fen amount = 0;
  std::string refCode;
  std::string remark;
  std::string extJson;  // compact JSON text, empty when not given

  // Throws sdk::ParamError naming the field.
  static DepositRequest parse(const Poco::JSON::Object& params);
};

}  // namespace paynext::plugins::deposit
