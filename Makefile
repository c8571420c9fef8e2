# synthgen's build: PGXS builds the PostgreSQL shim (src/pg) and links the C++ core (src/core), which CMake builds
# as a static library together with its GoogleTest suite. `make demo` and `make test` do all set-up themselves.

EXTENSION = synthgen
MODULE_big = synthgen
OBJS = $(patsubst %.cpp,%.o,$(sort $(wildcard src/pg/*.cpp)))
DATA = $(sort $(wildcard src/sql/synthgen--*.sql))
PGFILEDESC = "synthgen - synthetic fraud-detection data"

# pg_regress, in order: install creates the extension the later files use; schema moves it last.
REGRESS = install synth_generate_users streaming_scan behaviour_windows input_errors synth_seed synth_materialize_features synth_training_split synth_report synth_graph card_entities card_transactions card_fillers bulk_insert privileges cancel schema upgrade
# pg_isolation_regress specs (specs/NAME.spec against expected/NAME.out): concurrent fills, readers, DROP during a fill.
ISOLATION = concurrent_seed concurrent_fillers read_during_fill drop_during_fill

BUILD_DIR ?= build
CORE_LIB = $(BUILD_DIR)/libsynthgen_core.a

# C++17 with hidden visibility: only PGDLLEXPORT symbols (the SQL entry points and the magic block) are exported.
PG_CPPFLAGS = -Isrc -DPGDLLEXPORT='__attribute__((visibility("default")))'
PG_CXXFLAGS = -std=c++17 -fvisibility=hidden -fvisibility-inlines-hidden -Wno-missing-field-initializers -Wno-register
SHLIB_LINK = $(CORE_LIB) -lstdc++

# No LLVM bitcode: the JIT does not inline C++, and clang need not be installed.
override with_llvm = no

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): $(CORE_LIB)
$(shlib): $(CORE_LIB)

.PHONY: core unit demo demo-stop test test-deep bench format
$(CORE_LIB): CMakeLists.txt $(wildcard src/core/*.cpp src/core/*.hpp)
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD_DIR) --target synthgen_core -j2

core: $(CORE_LIB)

unit: core
	cmake --build $(BUILD_DIR) --target synthgen_core_tests -j2
	cd $(BUILD_DIR) && ctest --output-on-failure

demo:
	scripts/demo.sh

demo-stop:
	scripts/cluster.sh stop .cluster/demo

test:
	scripts/test.sh

test-deep:
	scripts/test-deep.sh

bench:
	bench/run.sh

format:
	clang-format -i src/core/*.[ch]pp src/pg/*.[ch]pp test/core/*.cpp

EXTRA_CLEAN = $(BUILD_DIR) build-sanitize build-fuzz results regression.diffs regression.out output_iso
