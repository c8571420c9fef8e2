// Datum builders for generated rows (see row_values.hpp). PostgreSQL APIs: cstring_to_text_with_len,
// int64_div_fast_to_numeric, palloc; only trivially destructible locals.
#include <sys/socket.h>  // AF_INET, for utils/inet.h

extern "C" {
#include "postgres.h"
#include "utils/builtins.h"
#include "utils/inet.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
}

#include "pg/row_values.hpp"
#include "pg/timestamp_conversion.hpp"

namespace synthgen::pg {

Datum TextDatum(std::string_view text) {
  return PointerGetDatum(cstring_to_text_with_len(text.data(), static_cast<int>(text.size())));
}

void SetOptionalText(std::string_view text, int column, Datum* values, bool* nulls) {
  nulls[column] = text.empty();
  if (!text.empty()) values[column] = TextDatum(text);
}

Datum ScaledNumericDatum(std::int64_t value, int scale) {
  return NumericGetDatum(int64_div_fast_to_numeric(value, scale));
}

Datum Ipv4Datum(std::uint32_t address) {
  inet* result = static_cast<inet*>(palloc0(sizeof(inet)));
  ip_family(result) = PGSQL_AF_INET;
  ip_bits(result) = 32;
  unsigned char* bytes = ip_addr(result);
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<unsigned char>(address >> (24 - 8 * i));
  SET_INET_VARSIZE(result);
  return InetPGetDatum(result);
}

Datum InstantDatum(Instant instant) { return TimestampTzGetDatum(ToPostgresTimestamp(instant)); }

void SetOptionalInstant(Instant instant, int column, Datum* values, bool* nulls) {
  nulls[column] = instant == kNoInstant;
  if (!nulls[column]) values[column] = InstantDatum(instant);
}

}  // namespace synthgen::pg
