#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::imagetrade {

// 图片交易: users sell images (a preview for everyone, the original for the
// one buyer who pays); nextAction type 11 pays a purchase record and credits
// the seller less the platform's commission.
class ImageTradeModule : public sdk::Module {
 public:
  std::string name() const override { return "imagetrade"; }
  std::string title() const override { return "图片交易"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::imagetrade
