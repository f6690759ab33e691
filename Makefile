# citywatch — build, test, demo, install. Run `make help`.
PREFIX ?= /usr/local
SWIFT ?= swift
# python3-aiosmtpd and openssl: the e-mail notifier tests run a real SMTP server on loopback.
DEPS = libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config python3-aiosmtpd openssl

.PHONY: help deps build release test demo e2e install uninstall bench score deb deb-test score-news fuzz-smoke \
        gazetteer check-gazetteer

help:
	@echo "make demo     run the main job offline on config/demo.toml"
	@echo "make test     run the test suite"
	@echo "make e2e      end-to-end scenario on a local HTTP server (scripts/e2e)"
	@echo "make bench    every stage benchmark on the release build (scripts/bench; slow; skips absent corpora)"
	@echo "make score    every quality scorer: seeds, real news, ../shared/corpora when present (scripts/score)"
	@echo "make score-news  score the release binary on the real-news sets (news/*.jsonl; needs news/.cache)"
	@echo "make fuzz-smoke  every fuzz target for a few seconds (libFuzzer + ASan; scripts/fuzz)"
	@echo "make gazetteer  regenerate Sources/CityWatchExtraction/GazetteerData.swift from data/"
	@echo "make check-gazetteer  fail if data/ no longer generates the committed GazetteerData.swift"
	@echo "make release  release build (.build/release/citywatch)"
	@echo "make install  install binary, seeds, config and systemd unit (root; after make release)"
	@echo "make uninstall  remove them again (config, state and logs are kept)"
	@echo "make deb     build citywatch_<version>_amd64.deb (Swift runtime linked in) into .build-deb/out"
	@echo "make deb-test  install that package into a clean Debian 12 root (debootstrap, as root) and try it"

## deps: install the C libraries' development packages when missing (Debian).
deps:
	@missing=""; for p in $(DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	fi

build: deps
	$(SWIFT) build

# The two products by name: a build of "everything" would also link GRDB's dynamic library product, which cannot
# take the static Swift runtime.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product citywatch
	$(SWIFT) build -c release --static-swift-stdlib --product citywatch-bench

# Serial: several tests check that transfers stop in time, and CPU-heavy tests running beside them on a
# two-core machine would hold the threads that resume them.
test: deps
	$(SWIFT) test

## fuzz-smoke: builds the libFuzzer binary and runs each target from its seeds (fixed seed and run count, ≤ 20 s each); fails on a crash or leak.
fuzz-smoke: deps
	./scripts/fuzz smoke

demo: release
	./scripts/demo

e2e: release
	./scripts/e2e

## gazetteer: GazetteerData.swift is generated from data/ alone (data/README.md says where each table comes from).
GAZETTEER = Sources/CityWatchExtraction/GazetteerData.swift
gazetteer:
	python3 scripts/generate-gazetteer.py $(GAZETTEER)

## check-gazetteer: regenerates into a temporary file and compares it with the committed one (CI runs this).
check-gazetteer:
	@tmp=$$(mktemp) && trap 'rm -f "$$tmp"' EXIT && \
	python3 scripts/generate-gazetteer.py "$$tmp" && \
	if cmp -s "$$tmp" $(GAZETTEER); then echo "check-gazetteer: $(GAZETTEER) matches data/"; \
	else echo "check-gazetteer: $(GAZETTEER) differs from what data/ generates:" >&2; \
	  diff "$$tmp" $(GAZETTEER) | head -20 | cut -c1-200 >&2; \
	  echo "run 'make gazetteer' and commit the result (or revert the change to data/ or the generator)" >&2; exit 1; fi

## bench: the README's performance table, stage by stage; corpora from ../shared/corpora or $CITYWATCH_CORPORA
## (what is absent is named as skipped; the target still succeeds).
bench: deps
	./scripts/bench

## score: seeds vs docs/seeds.expected.json, the real-news dev set, and the corpus scorers when present.
score: deps
	./scripts/score

## score-news: the real-news development set and every held-out set (news/*.jsonl); skipped when news/.cache
## is absent.
score-news:
	@for gold in news/dev.jsonl news/holdout*.jsonl; do scripts/score-news .build/release/citywatch --gold $$gold || exit 1; done

## install: the release binary, seeds, attribution, config example (kept if present) and the systemd unit.
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)/usr/share/citywatch
DOCDIR = $(DESTDIR)/usr/share/doc/citywatch
CONFDIR = $(DESTDIR)/etc/citywatch
UNITDIR = $(DESTDIR)/etc/systemd/system

install:
	@test -x .build/release/citywatch || { echo "run 'make release' first (as your user, not root)"; exit 1; }
	install -d $(BINDIR) $(SHAREDIR)/seeds $(DOCDIR) $(CONFDIR) $(UNITDIR)
	install -m 0755 .build/release/citywatch $(BINDIR)/citywatch
	install -m 0644 seeds/*.txt $(SHAREDIR)/seeds/
	install -m 0644 NOTICE.md $(SHAREDIR)/NOTICE.md
	install -m 0644 README.md NOTICE.md $(DOCDIR)/
	@if [ -f config/citywatch.toml ] && [ ! -e $(CONFDIR)/citywatch.toml ]; then \
	  install -m 0644 config/citywatch.toml $(CONFDIR)/citywatch.toml; echo "installed $(CONFDIR)/citywatch.toml"; \
	else echo "kept existing $(CONFDIR)/citywatch.toml (or no example to install)"; fi
	sed 's|/usr/local/bin/citywatch|$(PREFIX)/bin/citywatch|' systemd/citywatch.service > $(UNITDIR)/citywatch.service
	chmod 0644 $(UNITDIR)/citywatch.service
	@echo "next: systemctl daemon-reload && systemctl enable --now citywatch"

## uninstall: removes what install put there, except the config, state and logs (your data).
uninstall:
	-systemctl disable --now citywatch 2>/dev/null
	rm -f $(BINDIR)/citywatch $(UNITDIR)/citywatch.service
	rm -rf $(SHAREDIR) $(DOCDIR)
	-systemctl daemon-reload 2>/dev/null
	@echo "kept /etc/citywatch, /var/lib/citywatch and /var/log/citywatch: remove them by hand if wanted"

## deb: a package that installs without Swift (static Swift runtime, stripped), with completions and a man page.
deb: deps
	@command -v patchelf >/dev/null || { echo "installing: patchelf"; $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq patchelf; }
	./scripts/build-deb

## deb-test: the package installed into a fresh debootstrap root with no Swift inside (root, network to Debian).
deb-test: deps
	@command -v debootstrap >/dev/null || $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq debootstrap
	./scripts/test-deb-chroot
