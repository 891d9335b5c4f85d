#pragma once
// std::unique_ptr for OpenSSL objects with their own free function:
//   OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free> cms(d2i_CMS_ContentInfo(...));
#include <memory>

namespace lz {

template <typename T, void (*Free)(T*)> struct OpenSslFree {
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)> using OpenSslPtr = std::unique_ptr<T, OpenSslFree<T, Free>>;

} // namespace lz
