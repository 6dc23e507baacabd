#pragma once
// The ABI stamp a plugin carries so the host can refuse a library built
// against another SDK, Poco or C++ runtime before calling any of its code.
#include <cstdint>
#include <cstdio>
#include <string>

#include <Poco/Version.h>

namespace paynext::sdk {

constexpr std::uint32_t kAbiMagic = 0x504E5854;  // "PNXT"
// 2: RouteContext::checkout, Route::refusal
// 3: Scope's clock, users, wallets and services; effect(); jobs; HttpClient
// 4: RouteContext::body and headers (a partner's signature over the request)
// 5: HttpClient::refusal (an outbound URL checked when it is saved)
// 6: PayChannel names a channel and its client kind by string; Checkout
//    return/quit URLs and CheckoutResult::live
constexpr std::uint32_t kAbiVersion = 6;

struct AbiStamp {
  std::uint32_t magic;
  std::uint32_t sdkAbi;
  std::uint32_t pocoVersion;
  std::uint32_t compilerMajor;
  std::uint32_t libstdcxxRelease;
  std::uint32_t cxx11Abi;
};

#if defined(_GLIBCXX_RELEASE)
#define PAYNEXT_LIBSTDCXX_RELEASE _GLIBCXX_RELEASE
#else
#define PAYNEXT_LIBSTDCXX_RELEASE 0
#endif
#if defined(_GLIBCXX_USE_CXX11_ABI)
#define PAYNEXT_CXX11_ABI _GLIBCXX_USE_CXX11_ABI
#else
#define PAYNEXT_CXX11_ABI 0
#endif

// The stamp of whatever is being compiled right now.
#define PAYNEXT_ABI_STAMP_INIT                                                            \
  {                                                                                       \
    ::paynext::sdk::kAbiMagic, ::paynext::sdk::kAbiVersion, POCO_VERSION, __GNUC__,       \
        PAYNEXT_LIBSTDCXX_RELEASE, PAYNEXT_CXX11_ABI                                      \
  }

inline constexpr AbiStamp currentAbiStamp() { return PAYNEXT_ABI_STAMP_INIT; }

inline bool operator==(const AbiStamp& a, const AbiStamp& b) {
  return a.magic == b.magic && a.sdkAbi == b.sdkAbi && a.pocoVersion == b.pocoVersion &&
         a.compilerMajor == b.compilerMajor && a.libstdcxxRelease == b.libstdcxxRelease &&
         a.cxx11Abi == b.cxx11Abi;
}
inline bool operator!=(const AbiStamp& a, const AbiStamp& b) { return !(a == b); }

inline std::string describe(const AbiStamp& s) {
  char poco[16];
  std::snprintf(poco, sizeof poco, "%u.%u.%u", s.pocoVersion >> 24, (s.pocoVersion >> 16) & 0xFF,
                (s.pocoVersion >> 8) & 0xFF);
  return "sdk-abi=" + std::to_string(s.sdkAbi) + " poco=" + poco + " gcc=" + std::to_string(s.compilerMajor) +
         " libstdc++=" + std::to_string(s.libstdcxxRelease) + " cxx11-abi=" + std::to_string(s.cxx11Abi) +
         (s.magic == kAbiMagic ? "" : " (bad magic)");
}

}  // namespace paynext::sdk
