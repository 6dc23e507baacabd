#include "payability.h"

#include "paynext/sdk/errors.h"

#include "application_store.h"
#include "project_store.h"

namespace paynext::plugins::enroll {

Application requireApplication(sdk::Scope& scope, std::int64_t id) {
  if (auto a = ApplicationStore(scope.session, scope.factoryId, scope.clock).findForUser(scope.userId, id)) return *a;
  if (ProjectStore(scope.session, scope.factoryId, scope.clock).find(id)) {
    throw sdk::ParamError("id", "参数 id 应为报名记录的 id(由 /enroll/apply 返回),不是报名项目的 id");
  }
  throw sdk::Error(sdk::codes::kNoData, "报名记录 " + std::to_string(id) + " 不存在");
}

std::optional<std::string> unpayableReason(const Application& application) {
  if (application.status == kPaid) return application.named() + " 已支付,不能重复支付";
  if (application.status == kCancelled) return application.named() + " 已取消,不能支付";
  return std::nullopt;
}

Project requirePayable(sdk::Scope& scope, const Application& application) {
  if (auto reason = unpayableReason(application)) throw sdk::Error(sdk::codes::kBadRequest, *reason);
  auto project = ProjectStore(scope.session, scope.factoryId, scope.clock).find(application.projectId);
  if (!project) throw sdk::Error(sdk::codes::kNoData, "报名项目 " + std::to_string(application.projectId) + " 不存在");
  if (auto reason = project->closedReason(scope.clock.nowMs())) throw sdk::Error(sdk::codes::kBadRequest, *reason);
  return *project;
}

}  // namespace paynext::plugins::enroll
