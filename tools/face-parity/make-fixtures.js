// Reference outputs of @vladmandic/face-api 1.7.15 (TF.js 4.22.0, its pure-JS CPU backend) for
// the C++ port's parity test (tests/devices/facenet/tst_facenets.cpp): for each picture, every
// face the tiny detector finds, its 68 landmarks and its 128-d descriptor, exactly as face-api's
// own pipeline (detectAllFaces → withFaceLandmarks → withFaceDescriptors) computes them.
// Usage: node make-fixtures.js MODEL_DIR OUT.json INPUT_SIZE IMAGE.rgb...
// Each IMAGE.rgb is raw 8-bit RGB with IMAGE.size holding "W H" (make-fixtures.sh makes them,
// decoding the JPEGs with libjpeg-turbo as OpenCV does, and records the pixels' SHA-256).
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

async function main() {
  const [modelDir, outFile, inputSize, ...images] = process.argv.slice(2);
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  const out = { faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend(),
    inputSize: Number(inputSize), scoreThreshold: 0.5, images: [] };
  for (const file of images) {
    const [w, h] = fs.readFileSync(file.replace(/\.rgb$/, '.size'), 'utf8').trim().split(/\s+/).map(Number);
    const pixels = new Uint8Array(fs.readFileSync(file));
    const tensor = tf.tensor3d(pixels, [h, w, 3], 'int32');
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: Number(inputSize), scoreThreshold: 0.5 });
    const found = await faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
    tf.dispose(tensor);
    const faces = found.map((f) => ({
      score: f.detection.score,
      box: [f.detection.box.x, f.detection.box.y, f.detection.box.width, f.detection.box.height],
      landmarks: f.landmarks.positions.map((p) => [p.x, p.y]),
      descriptor: Array.from(f.descriptor),
    }));
    faces.sort((a, b) => a.box[0] - b.box[0]);
    const rgbSha256 = crypto.createHash('sha256').update(pixels).digest('hex');
    out.images.push({ image: path.basename(file, '.rgb'), width: w, height: h, rgbSha256, faces });
    process.stderr.write(`${path.basename(file)}: ${faces.length} faces\n`);
  }
  fs.writeFileSync(outFile, JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
