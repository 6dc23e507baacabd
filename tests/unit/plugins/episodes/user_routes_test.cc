#include "plugins/episodes/user_routes.h"

#include "episodes_test_support.h"

namespace paynext::plugins::episodes::test {
namespace {

using Status = sdk::StepResult::Status;

class EpisodesUserRoutesTest : public EpisodesTest {
 protected:
  sdk::RouteResponse user(const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::User, "POST", path, params);
  }
  void unlock(std::int64_t goods, int number) {
    h.ledger().balance_ += 10000;
    const auto r = h.execute(18, step(goods, number));
    ASSERT_EQ(r.status, Status::Done) << r.reason;
  }
  // The episodes of a goods' user JSON as "number:state", state free/unlocked/locked.
  static std::vector<std::string> states(const Poco::JSON::Object::Ptr& goods) {
    std::vector<std::string> out;
    const auto episodes = goods->getArray("episodes");
    for (std::size_t i = 0; i < episodes->size(); ++i) {
      const auto e = episodes->getObject(static_cast<unsigned>(i));
      const bool free = e->getValue<bool>("free"), unlocked = e->getValue<bool>("unlocked");
      EXPECT_EQ(e->getValue<bool>("locked"), !free && !unlocked);
      out.push_back(std::to_string(e->getValue<int>("number")) + ":" +
                    (free ? "free" : unlocked ? "unlocked" : "locked"));
    }
    return out;
  }
};

TEST_F(EpisodesUserRoutesTest, EveryRouteNeedsALogin) {
  h.setUser(0);
  for (const auto& r : userRoutes()) {
    EXPECT_EQ(r.audience, sdk::Audience::User);
    const auto answer = user(r.path, "{}");
    EXPECT_EQ(answer.code, 2000) << r.path;
    EXPECT_EQ(answer.msg, "请先登录");
  }
}

TEST_F(EpisodesUserRoutesTest, GoodsListsWhatIsOnSaleWithTheCallersLockState) {
  EXPECT_EQ(user("/episodes/goods", "{}").code, 700);
  const auto a = addGoods("剧A", "1.50", 4, 1);
  addGoods("剧B", "1", 2, 0, false);
  const auto c = addGoods("剧C", "0.10", 1, 1);
  unlock(a, 3);
  auto r = user("/episodes/goods", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  const auto first = array(r)->getObject(0);
  EXPECT_EQ(first->getValue<Poco::Int64>("id"), a);
  EXPECT_EQ(first->getValue<std::string>("name"), "剧A");
  EXPECT_DOUBLE_EQ(first->getValue<double>("price"), 1.5);
  EXPECT_EQ(first->getValue<int>("count"), 4);
  EXPECT_EQ(first->getValue<int>("freeCount"), 1);
  EXPECT_FALSE(first->has("urls"));  // play addresses only through /episodes/play
  EXPECT_EQ(states(first), (std::vector<std::string>{"1:free", "2:locked", "3:unlocked", "4:locked"}));
  EXPECT_EQ(array(r)->getObject(1)->getValue<Poco::Int64>("id"), c);
  // Another user has unlocked nothing.
  h.setUser(2);
  r = user("/episodes/goods", R"({"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(states(array(r)->getObject(0)), (std::vector<std::string>{"1:free", "2:locked", "3:locked", "4:locked"}));
  r = user("/episodes/goods", R"({"page":"2","pageSize":1})");
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), c);
  EXPECT_EQ(user("/episodes/goods", R"({"page":3,"pageSize":1})").code, 700);
  r = user("/episodes/goods", R"({"pageSize":0})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 pageSize 格式错误,应为1 到 100 之间的整数");
}

TEST_F(EpisodesUserRoutesTest, DetailShowsOneGoodsAndKeepsWhatWasBoughtOffSale) {
  const auto a = addGoods("剧A", "1", 3, 1);
  auto r = user("/episodes/detail", "{\"id\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(states(object(r)), (std::vector<std::string>{"1:free", "2:locked", "3:locked"}));
  unlock(a, 2);
  replaceGoods(a, "剧A", "1", 3, 1, false);
  r = user("/episodes/detail", "{\"id\":" + std::to_string(a) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(states(object(r)), (std::vector<std::string>{"1:free", "2:unlocked", "3:locked"}));
  h.setUser(2);
  r = user("/episodes/detail", "{\"id\":" + std::to_string(a) + "}");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "视频剧集商品「剧A」已下架");
  r = user("/episodes/detail", R"({"id":9})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "视频剧集商品 9 不存在");
  EXPECT_EQ(user("/episodes/detail", "{}").msg, "缺少参数 id");
}

TEST_F(EpisodesUserRoutesTest, PlayAnswersFreeAndUnlockedEpisodesOnly) {
  const auto a = addGoods("剧A", "1.50", 3, 1);
  auto r = user("/episodes/play", "{\"goodsId\":" + std::to_string(a) + ",\"number\":1}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("url"), "https://v.example/剧A/1");
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "剧A");
  EXPECT_EQ(object(r)->getValue<int>("number"), 1);

  r = user("/episodes/play", step(a, 2));
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "「剧A」第 2 集需购买后观看,价格 1.50 元");
  EXPECT_TRUE(r.data.isEmpty());
  unlock(a, 2);
  r = user("/episodes/play", step(a, 2));
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("url"), "https://v.example/剧A/2");

  // Another user has not unlocked it.
  h.setUser(2);
  EXPECT_EQ(user("/episodes/play", step(a, 2)).msg, "「剧A」第 2 集需购买后观看,价格 1.50 元");
  r = user("/episodes/play", step(a, 4));
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "视频剧集商品「剧A」共 3 集,没有第 4 集");
  r = user("/episodes/play", step(9, 1));
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "视频剧集商品 9 不存在");
  EXPECT_EQ(user("/episodes/play", R"({"goodsId":1})").msg, "缺少参数 number");
  // Another factory's goods is missing here.
  h.setFactory(2);
  EXPECT_EQ(user("/episodes/play", step(a, 1)).msg, "视频剧集商品 1 不存在");
}

TEST_F(EpisodesUserRoutesTest, PlayKeepsUnlockedEpisodesOfGoodsOffSale) {
  const auto a = addGoods("剧A", "1", 3, 1);
  unlock(a, 3);
  replaceGoods(a, "剧A", "1", 3, 1, false);
  EXPECT_EQ(user("/episodes/play", step(a, 3)).code, 0);
  const auto r = user("/episodes/play", step(a, 1));
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "视频剧集商品「剧A」已下架");
}

TEST_F(EpisodesUserRoutesTest, UnlockedListsTheCallersOwnNewestFirst) {
  EXPECT_EQ(user("/episodes/unlocked", "{}").code, 700);
  const auto a = addGoods("剧A", "1.50", 5, 0), b = addGoods("剧B", "2", 5, 0);
  unlock(a, 2);
  h.clock().advance(1000);
  unlock(b, 1);
  h.setUser(2);
  unlock(a, 5);
  h.setUser(1);
  auto r = user("/episodes/unlocked", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  const auto newest = array(r)->getObject(0);
  EXPECT_EQ(newest->getValue<Poco::Int64>("goodsId"), b);
  EXPECT_EQ(newest->getValue<std::string>("name"), "剧B");
  EXPECT_EQ(newest->getValue<int>("number"), 1);
  EXPECT_DOUBLE_EQ(newest->getValue<double>("amount"), 2);
  EXPECT_EQ(newest->getValue<Poco::Int64>("createdAt"), h.clock().now);
  EXPECT_FALSE(newest->has("userId"));
  r = user("/episodes/unlocked", "{\"goodsId\":" + std::to_string(a) + "}");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<int>("number"), 2);
  r = user("/episodes/unlocked", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("goodsId"), a);
  EXPECT_EQ(user("/episodes/unlocked", R"({"goodsId":"x"})").msg, "参数 goodsId 格式错误,应为整数");
}

}  // namespace
}  // namespace paynext::plugins::episodes::test
