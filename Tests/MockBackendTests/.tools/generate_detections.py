#!/usr/bin/env python3
"""Writes mock-responses/detections/*.json from lessons/photos/manifest.json.

Run from the repository root: python3 Tests/MockBackendTests/.tools/generate_detections.py
The committed JSON is what ships; this script documents where the (illustrative) values come
from. Confidences are float32 values printed as doubles, as the service returns them, except
the test photos' 81.7 / 86.2 / 90.7, which equal the assumed thresholds exactly (mock-responses/projects/verification001.json).
Every recording holds all candidates, unfiltered, highest first (MinConfidence 0).
"""
import json, struct, os

VERSION = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"

def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]

# (label, confidence, index of the bread whose box it is) per detect photo; exact values kept as is.
SEED = [("焼きそばパン", 90.44999694824219, 0), ("メロンパン", 88.00399780273438, 1), ("あんぱん", 77.53700256347656, 2),
        ("あんぱん", f32(41.2), 1), ("メロンパン", f32(23.5), 0), ("メロンパン", f32(18.9), 2)]
PLAN = {
    "breads3.jpg": SEED,
    "breads3.png": SEED,
    # The second anpan (a different navel) stays under its threshold: the lesson's point.
    "tray-two-anpan.jpg": [("あんぱん", f32(88.9), 0), ("あんぱん", f32(79.8), 1), ("メロンパン", f32(31.6), 1)],
    "tray-melon-yakisoba.jpg": [("焼きそばパン", f32(95.1), 1), ("メロンパン", f32(92.3), 0), ("あんぱん", f32(33.0), 0)],
    "tray-four.jpg": [("焼きそばパン", f32(93.4), 3), ("メロンパン", f32(90.1), 2), ("あんぱん", f32(85.6), 0),
                      ("あんぱん", f32(78.2), 1), ("メロンパン", f32(27.4), 1)],
    "test/anpan.jpg": [("あんぱん", 81.7, 0)],
    "test/melonpan.jpg": [("メロンパン", 86.2, 0)],
    "test/yakisobapan.jpg": [("焼きそばパン", 90.7, 0)],
}
TRAIN_BASE = {"あんぱん": 97.0, "メロンパン": 98.0, "焼きそばパン": 98.6}

manifest = json.load(open("lessons/photos/manifest.json"))
os.makedirs("mock-responses/detections", exist_ok=True)
for photo in manifest["Photos"]:
    breads = photo["Breads"]
    plan = PLAN.get(photo["File"])
    if plan is None:
        # Training photos: one bread, high confidence, a small deterministic spread.
        index = int(photo["File"].rsplit("-", 1)[1].split(".")[0])
        name = breads[0]["Name"]
        plan = [(name, f32(TRAIN_BASE[name] + ((index * 37) % 19) / 10 - 0.9), 0)]
    labels = [{"Name": n, "Confidence": c, "Geometry": {"BoundingBox": breads[i]["BoundingBox"]}} for n, c, i in plan]
    labels.sort(key=lambda l: -l["Confidence"])
    recording = {
        "Photo": {"File": photo["File"], "SHA256": photo["SHA256"], "Width": photo["Width"], "Height": photo["Height"]},
        "ProjectVersionArn": VERSION,
        "CustomLabels": labels,
    }
    name = photo["File"].replace("/", "-").replace(".jpg", "").replace(".png", "-png")
    with open(f"mock-responses/detections/{name}.json", "w") as out:
        out.write(json.dumps(recording, indent=4, ensure_ascii=False) + "\n")
