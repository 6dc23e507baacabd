#include "core/payments/wxpay/wxpay_refund_notification.h"

#include <memory>

#include <Poco/NumberParser.h>
#include <openssl/evp.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "core/payments/wxpay_v3/v3_base64.h"

namespace paynext::core::payments::wxpay {

namespace {

constexpr std::size_t kAesBlock = 16;

struct ContextFree {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};

// AES-256-ECB with PKCS#7 padding, keyed by the 32 ASCII characters of the
// lowercase hex MD5 of the API key, as the refund notification's 解密方式 says.
// OpenSSL EVP directly: Poco::Crypto's Cipher would hide which step failed.
// Returns false when the padding is not valid (a wrong key, mostly).
bool aes256Ecb(bool encrypt, const std::string& apiKey, const std::string& in, std::string& out) {
  const std::string key = crypto::md5Hex(apiKey);
  std::unique_ptr<EVP_CIPHER_CTX, ContextFree> context(EVP_CIPHER_CTX_new());
  if (!context || EVP_CipherInit_ex(context.get(), EVP_aes_256_ecb(), nullptr,
                                    reinterpret_cast<const unsigned char*>(key.data()), nullptr, encrypt ? 1 : 0) != 1) {
    throw WxpayError("refund req_info: cannot set up AES-256-ECB");
  }
  out.assign(in.size() + kAesBlock, '\0');
  int written = 0, last = 0;
  auto* buffer = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_CipherUpdate(context.get(), buffer, &written, reinterpret_cast<const unsigned char*>(in.data()),
                       static_cast<int>(in.size())) != 1) {
    throw WxpayError("refund req_info: AES-256-ECB failed");
  }
  if (EVP_CipherFinal_ex(context.get(), buffer + written, &last) != 1) return false;
  out.resize(static_cast<std::size_t>(written + last));
  return true;
}

std::string field(const Fields& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

std::string required(const Fields& fields, const std::string& name) {
  std::string value = field(fields, name);
  if (value.empty()) throw WxpayError("refund notification: req_info has no " + name);
  return value;
}

// A whole number of fen, written canonically (no sign, no leading zero).
std::int64_t fen(const Fields& fields, const std::string& name) {
  const std::string text = required(fields, name);
  Poco::Int64 value = 0;
  if (!Poco::NumberParser::tryParse64(text, value) || value < 0 || std::to_string(value) != text) {
    throw WxpayError("refund notification: " + name + " is not a number of fen");
  }
  return value;
}

}  // namespace

Fields decryptRefundInfo(const std::string& reqInfoBase64, const std::string& apiKey) {
  const auto cipherText = wxpay_v3::base64Decode(reqInfoBase64);
  if (!cipherText) throw WxpayError("refund req_info is not base64");
  if (cipherText->empty() || cipherText->size() % kAesBlock != 0) {
    throw WxpayError("refund req_info is not a whole number of AES blocks");
  }
  std::string plain;
  if (!aes256Ecb(false, apiKey, *cipherText, plain)) {
    throw WxpayError("refund req_info does not decrypt under the API key (bad padding)");
  }
  try {
    return parseXml(plain, "root");
  } catch (const WxpayXmlError&) {
    // The reason would quote the plaintext's element names: said generally.
    throw WxpayError("refund req_info does not decrypt to a <root> document");
  }
}

std::string encryptRefundInfo(const Fields& info, const std::string& apiKey) {
  std::string cipherText;
  aes256Ecb(true, apiKey, toXml(info, "root"), cipherText);
  return wxpay_v3::base64Encode(cipherText);
}

RefundNotice parseRefundNotification(const std::string& xmlBody, const WxpayV2Config& config) {
  if (xmlBody.size() > kMaxRefundNotificationBytes) {
    throw WxpayError("refund notification larger than " + std::to_string(kMaxRefundNotificationBytes) + " bytes");
  }
  Fields outer;
  try {
    outer = parseXml(xmlBody);
  } catch (const WxpayXmlError& e) {
    throw WxpayError(std::string("refund notification: unreadable: ") + e.what());
  }
  if (field(outer, "return_code") != "SUCCESS") throw WxpayError("refund notification: return_code is not SUCCESS");
  if (field(outer, "appid") != config.appId || field(outer, "mch_id") != config.mchId) {
    throw WxpayError("refund notification: for another merchant");
  }
  const std::string reqInfo = field(outer, "req_info");
  if (reqInfo.empty()) throw WxpayError("refund notification: no req_info");
  const Fields info = decryptRefundInfo(reqInfo, config.apiKey);

  RefundNotice notice;
  notice.transactionId = field(info, "transaction_id");
  notice.outTradeNo = required(info, "out_trade_no");
  notice.outRefundNo = required(info, "out_refund_no");
  notice.refundId = required(info, "refund_id");
  notice.totalFee = fen(info, "total_fee");
  notice.refundFee = fen(info, "refund_fee");
  notice.settlementRefundFee = fen(info, "settlement_refund_fee");
  notice.refundStatus = required(info, "refund_status");
  if (notice.refundStatus != "SUCCESS" && notice.refundStatus != "CHANGE" && notice.refundStatus != "REFUNDCLOSE") {
    throw WxpayError("refund notification: refund_status is not SUCCESS, CHANGE or REFUNDCLOSE");
  }
  notice.successTime = field(info, "success_time");
  if (notice.refundStatus == "SUCCESS" && notice.successTime.empty()) {
    throw WxpayError("refund notification: req_info has no success_time");
  }
  notice.refundRecvAccout = required(info, "refund_recv_accout");
  if (notice.refundFee <= 0 || notice.refundFee > notice.totalFee) {
    throw WxpayError("refund notification: refund_fee is not within total_fee");
  }
  return notice;
}

}  // namespace paynext::core::payments::wxpay
