import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "hard-to-guess-string"
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAIL_SERVER = "smtp.northwind.local"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    WAREHOUSE_API_KEY = os.environ.get("WAREHOUSE_API_KEY", "")


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://inventory:inv3ntory@localhost/inventory"


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False


class ProductionConfig(Config):
    SECRET_KEY = "e5d1f3b7a9c2e4f6a8b0d2c4e6f8a1b3"
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    WAREHOUSE_API_KEY = "{{gen:b62-32:wh-key}}"


config = {"development": DevelopmentConfig, "testing": TestingConfig, "production": ProductionConfig, "default": DevelopmentConfig}
