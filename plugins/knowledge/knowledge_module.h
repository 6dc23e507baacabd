#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::knowledge {

// 知识付费: admins publish knowledge items; a user opens a purchase of one
// (/knowledge/order) and pays it as nextAction type 1, after which the item's
// content is shown to that user.
class KnowledgeModule : public sdk::Module {
 public:
  std::string name() const override { return "knowledge"; }
  std::string title() const override { return "知识付费"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::knowledge
