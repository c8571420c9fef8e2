// The batch pull API over the card world's pure entity functions (card_entities.hpp): entities
// [first, first + count) of one kind, in batches of at most kBatchRows. Since every entity is a function of its
// index alone, any split of a range into chunks or batches yields the same rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/card_entities.hpp"
#include "core/card_world_options.hpp"
#include "core/error.hpp"

namespace synthgen {

struct CardEntityOptions {
  CardWorldOptions world;
  std::int64_t first = 0;  // first entity index
  std::int64_t count = 0;  // entities in this call
  const char* first_parameter = "first";  // the SQL name of `first`, for error messages
  // False for merchants, banks and accounts, whose rows depend on world.end_date alone: world.start_date is
  // then neither read nor checked.
  bool uses_window_start = true;
};

template <typename Row, Row (*Make)(const CardWorldOptions&, std::int64_t)>
class CardEntityGenerator {
 public:
  static constexpr std::size_t kBatchRows = 4096;

  // Throws synthgen::Error naming n or the first-index parameter when the range is invalid, and the world's
  // own errors.
  explicit CardEntityGenerator(const CardEntityOptions& options)
      : options_(options), next_(options.first), end_(options.first) {
    const std::string first(options.first_parameter);
    if (options.count < 0) throw Error(ErrorCode::kOutOfRange, "n must not be negative");
    if (options.first < 0) throw Error(ErrorCode::kOutOfRange, first + " must not be negative");
    if (options.count > kMaxCardWorldEntities - options.first) {
      throw Error(ErrorCode::kOutOfRange, first + " + n must not exceed " + std::to_string(kMaxCardWorldEntities));
    }
    end_ = options.first + options.count;  // only once the range is known to fit
    if (options.uses_window_start) {
      options.world.Validate();
    } else {
      options.world.ValidateWithoutStart();
    }
    rows_.reserve(kBatchRows);
  }

  std::size_t NextBatch() {
    rows_.clear();
    while (next_ < end_ && rows_.size() < kBatchRows) rows_.push_back(Make(options_.world, next_++));
    return rows_.size();
  }
  const std::vector<Row>& rows() const noexcept { return rows_; }

 private:
  CardEntityOptions options_;
  std::int64_t next_;
  std::int64_t end_;
  std::vector<Row> rows_;
};

using MerchantGenerator = CardEntityGenerator<MerchantRow, &MakeMerchant>;
using BankGenerator = CardEntityGenerator<BankRow, &MakeBank>;
using AccountGenerator = CardEntityGenerator<AccountRow, &MakeAccount>;
using CardGenerator = CardEntityGenerator<CardRow, &MakeCard>;

}  // namespace synthgen
