#pragma once
#include <memory>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "tools/gatewaysim/alipay_apps.h"
#include "tools/gatewaysim/alipay_control_api.h"
#include "tools/gatewaysim/alipay_gateway_api.h"
#include "tools/gatewaysim/alipay_notification.h"
#include "tools/gatewaysim/alipay_order_store.h"
#include "tools/gatewaysim/control_api.h"
#include "tools/gatewaysim/merchants.h"
#include "tools/gatewaysim/notifier.h"
#include "tools/gatewaysim/order_store.h"
#include "tools/gatewaysim/refund_control_api.h"
#include "tools/gatewaysim/refund_processor.h"
#include "tools/gatewaysim/refund_store.h"
#include "tools/gatewaysim/wxpay_api.h"
#include "tools/gatewaysim/wxpay_notification.h"
#include "tools/gatewaysim/wxpay_v3_api.h"
#include "tools/gatewaysim/wxpay_v3_merchants.h"
#include "tools/gatewaysim/wxpay_v3_refund_control.h"
#include "tools/gatewaysim/wxpay_v3_refund_processor.h"
#include "tools/gatewaysim/wxpay_v3_refund_store.h"

namespace paynext::tools::gatewaysim {

struct SimConfig {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  Merchants merchants;
  V3Merchants v3Merchants;  // WeChat Pay API v3; notified on notifySchedule too
  std::vector<double> notifySchedule = defaultNotifySchedule();
  AlipayApps alipayApps;
  std::vector<double> alipayNotifySchedule = gatewaysim::alipayNotifySchedule();
  double timeScale = 1.0;
  int threads = 16;  // connections served at once (each holds one for its keep-alive life)
  std::string tlsCertificate;  // PEM files: serve HTTPS when set (asking clients for a certificate, for /secapi/)
  std::string tlsPrivateKey;
  double refundDelaySeconds = 1;  // a refund (v2 and v3) is PROCESSING this long (times timeScale), then notified
  bool secapiWithoutTls = false;  // accept /secapi/ over plain HTTP without checking a client certificate
};

// The simulator: the WeChat Pay endpoints, the Alipay gateway and the
// control APIs on one HTTP server; each gateway has its own orders and
// notifier (their schedules differ).
class SimServer {
 public:
  explicit SimServer(SimConfig config);
  ~SimServer();

  void start();
  int port() const;  // the bound port, once started
  // Stops taking requests, lets those in flight finish, then stops notifying.
  void stop();

 private:
  SimConfig config_;
  OrderStore store_;
  Notifier notifier_;
  RefundStore refunds_;
  RefundProcessor refundProcessor_;
  RefundControlApi refundControl_;
  V3RefundStore v3Refunds_;
  V3RefundProcessor v3RefundProcessor_;
  WxpayV3RefundControl v3RefundControl_;
  WxpayApi wxpay_;
  WxpayV3Api wxpayV3_;
  ControlApi control_;
  AlipayOrderStore alipayStore_;
  Notifier alipayNotifier_;
  AlipayGatewayApi alipayGateway_;
  AlipayControlApi alipayControl_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace paynext::tools::gatewaysim
