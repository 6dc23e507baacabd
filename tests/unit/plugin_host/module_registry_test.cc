#include "core/plugin_host/module_registry.h"

#include <gtest/gtest.h>

#include "core/plugin_host/plugin_loader.h"

namespace paynext::core::plugin_host {
namespace {

using sdk::Audience;

sdk::Route route(const std::string& method, const std::string& path, Audience audience = Audience::User) {
  sdk::Route r;
  r.method = method;
  r.path = path;
  r.audience = audience;
  r.handler = [](sdk::RouteContext&) { return sdk::RouteResponse{}; };
  return r;
}

// A module as the loader would hand it over, without a library behind it.
std::unique_ptr<LoadedModule> module(const std::string& name, std::vector<sdk::Route> routes) {
  auto m = std::make_unique<LoadedModule>();
  m->file = "/plugins/paynext_" + name + ".so";
  m->name = name;
  m->title = name;
  m->version = "1.0.0";
  m->routes = std::move(routes);
  return m;
}

// The DuplicateRoute message of adding m, or "added".
std::string addRefusal(ModuleRegistry& registry, std::unique_ptr<LoadedModule> m) {
  try {
    registry.add(std::move(m));
  } catch (const DuplicateRoute& e) {
    return e.what();
  }
  return "added";
}

std::string pluginFile(const std::string& name) {
  return std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so";
}

TEST(ModuleRegistryRoutesTest, SameMethodAndPathInTwoModulesNamesBothFiles) {
  ModuleRegistry registry;
  registry.add(module("a", {route("POST", "/order/create")}));
  EXPECT_EQ("route POST /{factory}/order/create is claimed by both /plugins/paynext_a.so and /plugins/paynext_b.so",
            addRefusal(registry, module("b", {route("GET", "/order/list"), route("POST", "/order/create")})));
  // Nothing of the refused module stays behind.
  ASSERT_EQ(1u, registry.modules().size());
  EXPECT_EQ(nullptr, registry.byName("b"));
}

TEST(ModuleRegistryRoutesTest, AnyMethodOverlapsEachMethod) {
  ModuleRegistry registry;
  registry.add(module("a", {route("*", "/x")}));
  EXPECT_EQ("route GET /{factory}/x is claimed by both /plugins/paynext_a.so and /plugins/paynext_b.so",
            addRefusal(registry, module("b", {route("GET", "/x")})));
  EXPECT_EQ("route POST /{factory}/x is claimed by both /plugins/paynext_a.so and /plugins/paynext_c.so",
            addRefusal(registry, module("c", {route("POST", "/x")})));
  EXPECT_EQ("route * /{factory}/x is claimed by both /plugins/paynext_a.so and /plugins/paynext_d.so",
            addRefusal(registry, module("d", {route("*", "/x")})));

  ModuleRegistry reversed;
  reversed.add(module("a", {route("POST", "/y")}));
  EXPECT_EQ("route POST /{factory}/y is claimed by both /plugins/paynext_a.so and /plugins/paynext_b.so",
            addRefusal(reversed, module("b", {route("*", "/y")})));
}

TEST(ModuleRegistryRoutesTest, UserAndPublicRoutesShareOnePlace) {
  ModuleRegistry registry;
  registry.add(module("a", {route("GET", "/x", Audience::Public)}));
  EXPECT_EQ("route GET /{factory}/x is claimed by both /plugins/paynext_a.so and /plugins/paynext_b.so",
            addRefusal(registry, module("b", {route("GET", "/x", Audience::User)})));
}

TEST(ModuleRegistryRoutesTest, OtherMethodsAndOtherPathsDoNotClash) {
  ModuleRegistry registry;
  registry.add(module("a", {route("GET", "/x"), route("POST", "/y")}));
  EXPECT_EQ("added", addRefusal(registry, module("b", {route("POST", "/x"), route("GET", "/y"), route("*", "/z")})));
  EXPECT_EQ(2u, registry.modules().size());
}

TEST(ModuleRegistryRoutesTest, AdminRoutesClashOnlyWithinTheirModule) {
  ModuleRegistry registry("paynextd (core)", {"/user/m/login"});
  registry.add(module("a", {route("GET", "/settings", Audience::Admin), route("GET", "/x")}));
  // Mounted under /admin/api/factories/{f}/modules/{module}: another module's
  // settings, a mobile path or a core path are somewhere else.
  EXPECT_EQ("added", addRefusal(registry, module("b", {route("GET", "/settings", Audience::Admin),
                                                        route("GET", "/x", Audience::Admin),
                                                        route("POST", "/user/m/login", Audience::Admin)})));
  EXPECT_EQ("route GET /admin/api/factories/{factory}/modules/c/settings is claimed twice by /plugins/paynext_c.so",
            addRefusal(registry, module("c", {route("GET", "/settings", Audience::Admin), route("GET", "/other"),
                                              route("*", "/settings", Audience::Admin)})));
  // The same path as a module's own mobile route is no clash either.
  EXPECT_EQ("added", addRefusal(registry, module("d", {route("GET", "/d"), route("GET", "/d", Audience::Admin)})));
}

TEST(ModuleRegistryRoutesTest, SameRouteTwiceInOneModuleNamesTheFile) {
  ModuleRegistry registry;
  EXPECT_EQ("route POST /{factory}/x is claimed twice by /plugins/paynext_a.so",
            addRefusal(registry, module("a", {route("POST", "/x", Audience::Public), route("GET", "/y"),
                                              route("POST", "/x", Audience::User)})));
  EXPECT_TRUE(registry.modules().empty());
}

TEST(ModuleRegistryRoutesTest, CorePathsAreTakenForEveryMethod) {
  ModuleRegistry registry("paynextd (core)", {"/user/m/login", "/pay/wx/wxapp"});
  EXPECT_EQ("route POST /{factory}/user/m/login is claimed by both paynextd (core) and /plugins/paynext_a.so",
            addRefusal(registry, module("a", {route("POST", "/user/m/login", Audience::Public)})));
  EXPECT_EQ("route GET /{factory}/pay/wx/wxapp is claimed by both paynextd (core) and /plugins/paynext_b.so",
            addRefusal(registry, module("b", {route("GET", "/pay/wx/wxapp")})));
  EXPECT_EQ("route * /{factory}/pay/wx/wxapp is claimed by both paynextd (core) and /plugins/paynext_c.so",
            addRefusal(registry, module("c", {route("*", "/pay/wx/wxapp")})));
  EXPECT_EQ("added", addRefusal(registry, module("d", {route("POST", "/user/m/login2")})));
}

TEST(ModuleRegistryRoutesTest, TestPluginsClashWithTestkitAndWithCore) {
  ModuleRegistry registry("paynextd (core)", {"/user/m/login"});
  registry.add(loadPlugin(pluginFile("testkit")));
  EXPECT_EQ("route GET /{factory}/testkit/runs is claimed by both " + pluginFile("testkit") + " and " +
                pluginFile("dup_route"),
            addRefusal(registry, loadPlugin(pluginFile("dup_route"))));
  EXPECT_EQ("route POST /{factory}/user/m/login is claimed by both paynextd (core) and " + pluginFile("core_route"),
            addRefusal(registry, loadPlugin(pluginFile("core_route"))));
  EXPECT_EQ(1u, registry.modules().size());
}

TEST(ModuleRegistryRefusedTest, KeepsRefusedFilesInOrderApartFromModules) {
  ModuleRegistry registry;
  EXPECT_TRUE(registry.refused().empty());
  registry.refuse({"/plugins/paynext_a.so", "expected entry point paynext_create_module, found none"});
  registry.refuse({"/plugins/paynext_b.so", "module factory threw: boom"});
  ASSERT_EQ(2u, registry.refused().size());
  EXPECT_EQ("/plugins/paynext_a.so", registry.refused()[0].file);
  EXPECT_EQ("expected entry point paynext_create_module, found none", registry.refused()[0].reason);
  EXPECT_EQ("/plugins/paynext_b.so", registry.refused()[1].file);
  EXPECT_EQ("module factory threw: boom", registry.refused()[1].reason);
  EXPECT_TRUE(registry.modules().empty());
}

}  // namespace
}  // namespace paynext::core::plugin_host
