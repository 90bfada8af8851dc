# Building a model at the prompt: datasets, a proposal shown and labelled, training, waiting,
# detect on a turned photo no recording has; then another panya on the same store detects the same.

case_training_boxes_train_wait_detect() {
    . "$here/tmux-harness.sh"
    python3 "$here/turn-png.py" lessons/photos/breads3.png "$WORK/turned.png" || exit 1
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'project create bakery-ai'
    tmux_wait_for 'project/bakery-ai/'
    tmux_line 'dataset create train'
    tmux_line 'dataset create test'
    tmux_line 'dataset add train lessons/photos/train/anpan-*.jpg --label あんぱん'
    tmux_line 'dataset add train lessons/photos/train/melonpan-*.jpg --label メロンパン'
    tmux_line 'dataset add train lessons/photos/train/yakisobapan-*.jpg --label 焼きそばパン'
    tmux_wait_for_count 'photos to the training dataset, with 10 boxes' 3 60
    tmux_line 'dataset add test lessons/photos/test/anpan.jpg lessons/photos/test/melonpan.jpg --label あんぱん'
    tmux_wait_for 'Added 2 photos to the test dataset'
    tmux_line 'boxes remove lessons/photos/test/melonpan.jpg 1'
    tmux_line 'dataset add test lessons/photos/test/yakisobapan.jpg'
    tmux_line 'boxes lessons/photos/test/yakisobapan.jpg'
    tmux_wait_for '^1  proposal 1 +left 17\.5%'
    tmux_line 'boxes add lessons/photos/test/yakisobapan.jpg 焼きそばパン --proposal 1'
    tmux_wait_for '^  1  焼きそばパン  left 0\.175'
    tmux_line 'boxes add lessons/photos/test/melonpan.jpg メロンパン --proposal 1'
    tmux_wait_for '^  1  メロンパン  left 0\.575'
    tmux_line 'train'
    tmux_wait_for 'TRAINING_IN_PROGRESS' 60
    tmux_line 'model wait'
    tmux_wait_for '^TRAINING_COMPLETED$' 60
    tmux_line 'model start'
    tmux_line 'model wait'
    tmux_wait_for '^RUNNING$' 30
    tmux_line "detect $WORK/turned.png --min-confidence 50"
    tmux_wait_for '^焼きそばパン +[0-9]+\.[0-9]+' 30
    tmux_assert_contains 'メロンパン'
    tmux_assert_contains 'あんぱん'
    tmux_line 'quit'
    tmux_wait_exit
    tmux_finish
    # A second process on the same store: the trained version is still RUNNING and answers the same.
    local again
    again=$(env HOME="$WORK" PANYA_DB="$WORK/panya.sqlite" NO_COLOR=1 "$binary" --lang en detect "$WORK/turned.png" --min-confidence 50 --json) || exit 1
    echo "$again" | grep -q '"Name": "焼きそばパン"' || { echo "second process: $again" >&2; exit 1; }
    [ "$(echo "$again" | grep -c '"Name"')" -eq 3 ] || { echo "second process: $again" >&2; exit 1; }
}
