#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::imagetrade {

// The mobile routes (API工厂 envelope, money in yuan). Lists take page? (1),
// pageSize? (20, at most 100), newest first, and answer 700 暂无数据 when empty.
//   Public /imagetrade/images          -> images on sale, without their original address
//   POST   /imagetrade/image/publish   title, previewUrl, originalUrl, price -> the image (seller's view)
//          /imagetrade/my/images       -> the caller's images, with original address, status and buyer
//   POST   /imagetrade/buy             imageId -> the caller's unpaid purchase record (its id is the
//                                      nextAction {type:11, id}); the same record again while unpaid
//          /imagetrade/my/purchases    -> the caller's purchase records, with the image's title
//          /imagetrade/original        imageId -> {imageId, title, url, original}: the original's address
//                                      for the seller and the buyer who paid, the preview for anyone else
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::imagetrade
