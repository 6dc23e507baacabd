#include "core/jobs/job_scheduler.h"

#include <gtest/gtest.h>

#include "core/common/clock.h"
#include "tests/support/core_database.h"

namespace paynext::core::jobs {
namespace {

using namespace Poco::Data::Keywords;

constexpr std::int64_t kPeriod = 60000;

// Factories 1 and 3 enable module "m", 2 does not; m's job "tick" records
// each run in job_ticks, and throws while `failing` is set.
class JobSchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto m = std::make_unique<plugin_host::LoadedModule>();
    m->name = "m";
    m->title = "模块";
    m->jobs.push_back({"tick", kPeriod, [this](sdk::JobContext& ctx) {
                         std::int64_t f = ctx.scope.factoryId, at = ctx.scope.clock.nowMs(), last = ctx.lastRunAt;
                         ctx.scope.session << "INSERT INTO job_ticks (factory_id, at, last_run_at) VALUES ($1, $2, $3)",
                             use(f), use(at), use(last), now;
                         if (failing) throw std::runtime_error("went wrong");
                       }});
    registry_.add(std::move(m));
    db().transaction([](Poco::Data::Session& s) {
      s << "CREATE TABLE job_ticks (factory_id BIGINT, at BIGINT, last_run_at BIGINT)", now;
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0), "
           "(3, 'c', 'C', 0)",
          now;
      s << "INSERT INTO factory_modules (factory_id, module, enabled, updated_at) VALUES (1, 'm', 1, 0), "
           "(2, 'm', 0, 0), (3, 'm', 1, 0)",
          now;
    });
  }
  void TearDown() override { clockOffsetMs() = 0; }

  storage::Database& db() { return cdb_.db(); }
  std::vector<std::int64_t> ticksOf(std::int64_t factory) {
    auto s = db().session();
    std::vector<std::int64_t> at;
    s << "SELECT at FROM job_ticks WHERE factory_id = $1 ORDER BY at", bind(factory), into(at), now;
    return at;
  }
  std::string lastError(const std::string& key) {
    auto s = db().session();
    std::string error;
    s << "SELECT last_error FROM job_runs WHERE job_key = $1", bind(key), into(error), now;
    return error;
  }

  bool failing = false;
  paynext::testing::CoreDatabase cdb_;
  plugin_host::ModuleRegistry registry_;
  plugin_context::ServiceDirectory services_{registry_};
  JobScheduler scheduler_{db(), registry_, services_, JobSchedulerOptions{}};
};

TEST_F(JobSchedulerTest, RunsOncePerPeriodForEachFactoryWhereTheModuleIsEnabled) {
  EXPECT_EQ(2, scheduler_.runDue());
  EXPECT_EQ(0, scheduler_.runDue()) << "not due again within the period";
  EXPECT_EQ(1u, ticksOf(1).size());
  EXPECT_TRUE(ticksOf(2).empty()) << "factory 2 has the module off";
  EXPECT_EQ(1u, ticksOf(3).size());

  const std::int64_t firstRun = ticksOf(1)[0];
  clockOffsetMs() = kPeriod;
  EXPECT_EQ(2, scheduler_.runDue());
  const auto ticks = ticksOf(1);
  ASSERT_EQ(2u, ticks.size());
  EXPECT_GE(ticks[1], firstRun + kPeriod) << "the job reads the host's moved clock";
  auto s = db().session();
  std::int64_t last = 0;
  s << "SELECT last_run_at FROM job_ticks WHERE factory_id = 1 ORDER BY at DESC LIMIT 1", into(last), now;
  // A run learns when the previous one started (its claim, just before it recorded firstRun).
  EXPECT_LE(last, firstRun);
  EXPECT_GT(last, firstRun - 5000);
}

TEST_F(JobSchedulerTest, AFailingRunCommitsNothingAndIsTriedAgainNextPeriod) {
  failing = true;
  EXPECT_EQ(2, scheduler_.runDue());
  EXPECT_TRUE(ticksOf(1).empty()) << "the run's writes rolled back";
  EXPECT_EQ("went wrong", lastError("m/tick/1"));
  EXPECT_EQ(0, scheduler_.runDue());
  failing = false;
  clockOffsetMs() = kPeriod;
  EXPECT_EQ(2, scheduler_.runDue());
  EXPECT_EQ(1u, ticksOf(1).size());
  EXPECT_EQ("", lastError("m/tick/1"));
}

TEST_F(JobSchedulerTest, ALeaseHeldByAnotherInstanceIsLeftAloneUntilItRunsOut) {
  // Another instance sharing the database holds factory 1's run.
  const std::int64_t until = nowMs() + 300000;
  db().transaction([&](Poco::Data::Session& s) {
    s << "INSERT INTO job_runs (job_key, factory_id, module, job, next_run_at, lease_until, lease_owner) "
         "VALUES ('m/tick/1', 1, 'm', 'tick', 0, $1, 'other')",
        bind(until), now;
  });
  EXPECT_EQ(1, scheduler_.runDue()) << "only factory 3";
  EXPECT_TRUE(ticksOf(1).empty());
  clockOffsetMs() = 300001;  // the other instance died: its lease ran out
  EXPECT_EQ(2, scheduler_.runDue());
  EXPECT_EQ(1u, ticksOf(1).size());
}

TEST_F(JobSchedulerTest, TwoSchedulersOnOneDatabaseRunEachDueJobOnce) {
  JobScheduler other(db(), registry_, services_, JobSchedulerOptions{});
  EXPECT_EQ(2, scheduler_.runDue() + other.runDue());
  EXPECT_EQ(1u, ticksOf(1).size());
  EXPECT_EQ(1u, ticksOf(3).size());
}

}  // namespace
}  // namespace paynext::core::jobs
