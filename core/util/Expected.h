#pragma once
// A value or an error, for parsers of outside bytes: no exceptions cross module boundaries.
// (std::expected needs C++23, which clang 14 + libstdc++ 12 cannot compile reliably.)
#include <QString>
#include <utility>
#include <variant>

namespace lz {

template <typename E> struct Unexpected { E error; };

template <typename E> Unexpected<E> unexpected(E e) {
    return Unexpected<E>{std::move(e)};
}

template <typename T, typename E = QString> class Expected {
public:
    Expected(T value)
        : m_v(std::in_place_index<0>, std::move(value)) {}
    Expected(Unexpected<E> e)
        : m_v(std::in_place_index<1>, std::move(e.error)) {}

    bool hasValue() const { return m_v.index() == 0; }
    explicit operator bool() const { return hasValue(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const E& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, E> m_v;
};

// Success with nothing to carry, or an error: instead of an Expected<bool> that is only ever true.
template <typename E> class Expected<void, E> {
public:
    Expected() = default;
    Expected(Unexpected<E> e)
        : m_error(std::move(e.error))
        , m_failed(true) {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const E& error() const { return m_error; }

private:
    E m_error{};
    bool m_failed = false;
};

} // namespace lz
