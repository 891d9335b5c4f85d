#pragma once
// Points and boxes of a face in image pixels, and the arithmetic face-api does on them: where
// the descriptor's crop lies (its dlib-style alignment), how a box is clipped to the image, and
// the measures the liveness check reads from the 68 landmarks (iBUG 300-W numbering: 0–16 jaw,
// 27–35 nose, 36–41 right eye as seen, 42–47 left eye, 48–67 mouth).
#include <array>

namespace lz::face {

struct PointD {
    double x = 0, y = 0;
};

struct BoxD {
    double x = 0, y = 0, width = 0, height = 0;
};

struct IntBox {
    int x = 0, y = 0, width = 0, height = 0;
    bool empty() const { return width <= 0 || height <= 0; }
};

using Landmarks = std::array<PointD, 68>;

// face-api's Box.clipAtImageBorders: clip to the image, then floor every field.
IntBox clipToImage(const BoxD& box, int imageWidth, int imageHeight);

// face-api's FaceLandmarks.alignDlib (the crop the descriptor net sees): a square of side
// floor(mean eye–mouth distance / 0.45) around the eyes' and mouth's centroid, 0.43 of it above.
// `cropWidth`/`cropHeight` are the landmark crop's size, which face-api (oddly) bounds it by.
IntBox descriptorCrop(const Landmarks& pts, int cropWidth, int cropHeight);

PointD centreOf(const Landmarks& pts, int first, int last); // mean of pts[first..last]

// Eye aspect ratio (Soukupová & Čech 2016): the eye's height over its width, mean of both eyes;
// about 0.25–0.35 open, below ~0.15 closed.
double eyeAspectRatio(const Landmarks& pts);

// How far the head is turned, from where the nose tip sits between the outer eye corners:
// 0 facing the camera, negative turned to the image's left, positive to its right; about ±0.3
// at 25°. Independent of the face's size.
double yawRatio(const Landmarks& pts);

// Distance between the outer eye corners, in pixels: the face's size on the camera.
double eyeSpan(const Landmarks& pts);

} // namespace lz::face
