// The core's own speed, without PostgreSQL: generates a world of USERS users (argument, default 1,000,000) with
// the default options and seed 1, and prints the records and records per second.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/user_world_generator.hpp"

int main(int argc, char** argv) {
  synthgen::UserWorldOptions options;
  options.count = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  options.seed = 1;
  const auto started = std::chrono::steady_clock::now();
  synthgen::UserWorldGenerator generator(options);
  std::size_t records = 0;
  for (std::size_t batch; (batch = generator.NextBatch()) > 0;) records += batch;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%zu records in %.3f s = %.0f records/s\n", records, seconds, static_cast<double>(records) / seconds);
  return 0;
}
