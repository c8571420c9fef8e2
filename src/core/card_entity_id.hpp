// Identifiers of card-world entities as the transaction generators write them, once per row: a prefix and the
// index in 8 zero-padded digits ("ACC_00000042", "MERCH_00000007"), the format card_entities.cpp gives the
// entity rows, without going through printf.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace synthgen {

// prefix: at most 7 characters; index: in [0, 10^8).
inline void FormatEntityId(const char* prefix, std::int64_t index, char (&out)[16]) noexcept {
  const std::size_t length = std::strlen(prefix);
  std::memcpy(out, prefix, length);
  auto value = static_cast<std::uint64_t>(index);
  for (std::size_t i = length + 8; i > length; --i) {
    out[i - 1] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out[length + 8] = '\0';
}

}  // namespace synthgen
