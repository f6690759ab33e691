# citywatch — build, test, demo, install. Run `make help`.
PREFIX ?= /usr/local
SWIFT ?= swift
DEPS = libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config

.PHONY: help deps build release test demo install uninstall bench

help:
	@echo "make demo     run the main job offline on config/demo.toml"
	@echo "make test     run the test suite"
	@echo "make release  release build (.build/release/citywatch)"
	@echo "make install  install binary, seeds, config and systemd unit (root)"

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

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

demo: release
	./scripts/demo
