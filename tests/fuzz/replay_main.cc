// The normal build's driver of a fuzz target: runs LLVMFuzzerTestOneInput on
// every file under the directories given, so ctest replays the corpus (and
// the inputs of fixed findings) without clang. A missing or empty directory
// fails the run: a test that replays nothing proves nothing.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::string contentOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Files replayed from dir, or -1 when it is missing or has none.
int replay(const fs::path& dir) {
  if (!fs::is_directory(dir)) return -1;
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string input = contentOf(entry.path());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    ++count;
  }
  return count == 0 ? -1 : count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DIR...\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    const int count = replay(argv[i]);
    if (count < 0) {
      std::cerr << argv[i] << ": missing, or holds no input to replay\n";
      return 1;
    }
    std::cout << argv[i] << ": " << count << " inputs replayed\n";
  }
  return 0;
}
