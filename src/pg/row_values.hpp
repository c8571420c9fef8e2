// Building the Datums of generated rows from the core's plain fields: text, numeric with a fixed scale, inet
// and timestamptz. For .cpp files of the shim only, included after postgres.h (this header includes none).
#pragma once

#ifndef POSTGRES_H
#error "include postgres.h before pg/row_values.hpp"
#endif

#include <cstdint>
#include <string_view>

#include "core/calendar.hpp"

namespace synthgen::pg {

Datum TextDatum(std::string_view text);
// A text column that is NULL when the text is empty.
void SetOptionalText(std::string_view text, int column, Datum* values, bool* nulls);
// numeric of value / 10^scale, exact.
Datum ScaledNumericDatum(std::int64_t value, int scale);
// inet of an IPv4 address held as a host-order integer (1.2.3.4 is 0x01020304), /32.
Datum Ipv4Datum(std::uint32_t address);
Datum InstantDatum(Instant instant);
// A timestamptz column that is NULL for kNoInstant.
void SetOptionalInstant(Instant instant, int column, Datum* values, bool* nulls);

}  // namespace synthgen::pg
