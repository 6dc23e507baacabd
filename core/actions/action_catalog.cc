#include "core/actions/action_catalog.h"

#include <array>

namespace paynext::core::actions {

std::string documentedActionTitle(int type) {
  static const std::array<const char*, 24> kTitles = {
      "支付商城订单", "支付知识付费订单", "发送短信", "支付报名费", "优惠买单", "支付押金",
      "购买会员", "领取指定的优惠券", "支付京东京励订单", "餐饮-扫码点餐-买单", "购买会员卡", "支付图片交易订单",
      "购买社区团购的团长", "购买分销商资格", "购买合伙人模式下的团队长", "支付购买课程订单", "创建新组织", "升级组织规模",
      "购买商品视频剧集", "加钟", "支付跑腿任务订单", "购买交友盲盒的解锁次数", "支付并投放盲盒", "cp匹配活动-付费入场"};
  if (type < 0 || type >= static_cast<int>(kTitles.size())) return {};
  return kTitles[static_cast<std::size_t>(type)];
}

}  // namespace paynext::core::actions
