// Claims type 900, which testkit claims too: start-up must fail naming both.
#include "paynext/sdk/module_export.h"

namespace {
class Handler : public paynext::sdk::ActionHandler {
 public:
  paynext::sdk::Fen validate(paynext::sdk::ValidateContext&) override { return 0; }
  paynext::sdk::StepResult execute(paynext::sdk::ExecuteContext&) override { return paynext::sdk::StepResult::done(); }
};
class DupModule : public paynext::sdk::Module {
 public:
  std::string name() const override { return "dup_type"; }
  std::string title() const override { return "重复类型"; }
  std::string version() const override { return "0.0.1"; }
  std::vector<paynext::sdk::ActionType> actionTypes() override {
    return {{900, "dup", {}, std::make_shared<Handler>()}};
  }
};
}  // namespace

PAYNEXT_MODULE(DupModule)
