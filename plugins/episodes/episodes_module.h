#pragma once
#include "paynext/sdk/module.h"

namespace paynext::plugins::episodes {

// 视频剧集: admins keep video goods with their episodes (how many, how many
// are free, the price of one, each one's play address); a user unlocks one
// episode with nextAction type 18 {type:18, goodsId, number} and then gets
// its play address from /episodes/play.
class EpisodesModule : public sdk::Module {
 public:
  std::string name() const override { return "episodes"; }
  std::string title() const override { return "视频剧集"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<sdk::ActionType> actionTypes() override;
  std::vector<sdk::Migration> migrations() const override;
  std::vector<sdk::Route> routes() override;
};

}  // namespace paynext::plugins::episodes
