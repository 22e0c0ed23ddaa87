# ~/.bashrc: executed by bash(1) for non-login shells.
[ -z "$PS1" ] && return
HISTCONTROL=ignoreboth
shopt -s histappend
alias ll='ls -alF'
alias k=kubectl
export EDITOR=vim
export PATH="$HOME/.local/bin:$PATH"
export OPENAI_API_KEY="{{gen:openai:home}}"
export HF_TOKEN={{gen:hf-token:home}}
export VAULT_ADDR=https://vault.northwind.local
export VAULT_TOKEN={{gen:vault-token:home}}
export DOCKER_HOST=unix:///run/user/1000/docker.sock
if [ -f ~/.bash_aliases ]; then . ~/.bash_aliases; fi
