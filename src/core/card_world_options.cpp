// Validation of CardWorldOptions (see card_world_options.hpp).
#include "core/card_world_options.hpp"

#include <string>

#include "core/error.hpp"

namespace synthgen {
namespace {

void ValidateCount(const char* parameter, std::int64_t count, std::int64_t max) {
  if (count < 1 || count > max) {
    throw Error(ErrorCode::kOutOfRange,
                std::string(parameter) + " must be between 1 and " + std::to_string(max));
  }
}

void ValidateDate(const char* parameter, Instant date) {
  if (date < kMinSimulationDate || date > kMaxSimulationDate) {
    throw Error(ErrorCode::kOutOfRange, std::string(parameter) + " must lie between years 1900 and 9999");
  }
}

}  // namespace

void CardWorldOptions::ValidateWithoutStart() const {
  ValidateCount("merchants", merchants, kMaxMerchants);
  ValidateCount("banks", banks, kMaxCardWorldEntities);
  ValidateCount("accounts", accounts, kMaxCardWorldEntities);
  ValidateCount("cards", cards, kMaxCardWorldEntities);
  ValidateDate("window_end", end_date);
}

void CardWorldOptions::Validate() const {
  ValidateWithoutStart();
  ValidateDate("window_start", start_date);
  if (end_date <= start_date) throw Error(ErrorCode::kInvalidArgument, "window_end must be after window_start");
}

}  // namespace synthgen
