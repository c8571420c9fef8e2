// The tests' one check of a rejection: a call throws synthgen::Error with the expected code and a message that
// mentions the expected text as a whole phrase (so "n" does not match inside "seed_n").
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstddef>
#include <string>

#include "core/error.hpp"

namespace synthgen {

// True when text occurs in message with no letter, digit or underscore right before or after it.
inline bool MentionsPhrase(const std::string& message, const std::string& text) {
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  for (std::size_t at = message.find(text); at != std::string::npos; at = message.find(text, at + 1)) {
    const std::size_t end = at + text.size();
    if ((at == 0 || !is_word(message[at - 1])) && (end == message.size() || !is_word(message[end]))) return true;
  }
  return false;
}

// Runs call() (what: how a failure names it) and expects the rejection described above.
template <typename Call>
void ExpectError(Call&& call, ErrorCode code, const std::string& text, const char* what) {
  try {
    call();
    ADD_FAILURE() << what << " accepted the options; expected an error mentioning \"" << text << "\"";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), code) << error.what();
    EXPECT_TRUE(MentionsPhrase(error.what(), text)) << "\"" << error.what() << "\" does not mention \"" << text << "\"";
  }
}

}  // namespace synthgen
