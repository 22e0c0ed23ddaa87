from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user

from ..models import User

auth = Blueprint("auth", __name__)


@auth.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].lower()).first()
        if user is not None and user.verify_password(request.form["password"]):
            login_user(user, request.form.get("remember_me") == "y")
            return redirect(request.args.get("next") or url_for("main.index"))
        flash("Invalid email or password.")
    return render_template("auth/login.html")


@auth.route("/logout")
def logout():
    logout_user()
    flash("You have been logged out.")
    return redirect(url_for("main.index"))
